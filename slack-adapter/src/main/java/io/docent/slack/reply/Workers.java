package io.docent.slack.reply;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs each job (an answer, a help or thanks message) on a virtual thread of its own, off Slack's ack path, so the
 * ack never waits. This is not a limit: how many answers run at once, and how long a question may wait, is decided
 * by the service's one admission control behind the {@link io.docent.core.Answerer} (which answers {@code BUSY}
 * when it is full, and the person is told so in the thread); a job here mostly waits on the network or on that.
 */
public final class Workers implements AutoCloseable {

    private final ExecutorService executor;

    public Workers(String name) {
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(name + "-", 1).factory());
    }

    /** Starts {@code job}; false once the workers are closed. */
    public boolean run(Runnable job) {
        try {
            executor.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Stops taking jobs and gives those running {@code seconds} to finish. */
    public void close(long seconds) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(seconds, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(10);
    }
}
