package io.docent.slack.reply;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of worker threads and a bounded queue. {@link #offer} never blocks, so Slack's ack is never held
 * up: when the queue is full it says so and the caller tells the person Docent is busy.
 */
public final class WorkQueue implements AutoCloseable {

    private final ThreadPoolExecutor executor;

    public WorkQueue(String name, int workers, int capacity) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = new ThreadPoolExecutor(
                workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), threads);
    }

    /** Queues {@code job}; false when the queue is full or the queue is closed. */
    public boolean offer(Runnable job) {
        try {
            executor.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Jobs waiting, not counting those running. */
    public int waiting() {
        return executor.getQueue().size();
    }

    /** Stops taking jobs and gives those queued or running {@code seconds} to finish. */
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
