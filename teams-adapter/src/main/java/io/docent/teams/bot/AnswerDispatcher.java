package io.docent.teams.bot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the work of a turn runs once the request has been answered: each answer, and each message sent (typing,
 * greetings, notices), on a virtual thread of its own. This is not a limit: how many answers run at once, and how
 * long a question may wait, is decided by the service's one admission control behind the {@link
 * io.docent.core.Answerer}, which answers {@code BUSY} when it is full (the person is told so); here answers mostly
 * wait on that or on the network.
 */
public final class AnswerDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnswerDispatcher.class);

    private final Executor answers;
    private final Executor io;
    private final List<ExecutorService> owned;

    private AnswerDispatcher(Executor answers, Executor io, List<ExecutorService> owned) {
        this.answers = answers;
        this.io = io;
        this.owned = owned;
    }

    /** Answers and messages on virtual threads. */
    public static AnswerDispatcher virtualThreads() {
        ExecutorService answers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("docent-teams-answer-", 1).factory());
        ExecutorService io = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("docent-teams-io-", 1).factory());
        return new AnswerDispatcher(answers, io, List.of(answers, io));
    }

    /** Everything on the calling thread, in order: for tests with the SDK's TestAdapter. */
    public static AnswerDispatcher direct() {
        return new AnswerDispatcher(Runnable::run, Runnable::run, List.of());
    }

    /** Starts an answer; false once the dispatcher is closed. */
    public boolean tryAnswer(Runnable job) {
        try {
            answers.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Runs a task on the I/O executor; false once the dispatcher is closed. */
    boolean io(Runnable task) {
        try {
            io.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Sends something on the I/O executor; the future completes when it was sent (or failed, logged). */
    public CompletableFuture<Void> send(String what, Supplier<? extends CompletableFuture<?>> sending) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            io.execute(() -> {
                try {
                    sending.get().join();
                } catch (RuntimeException e) {
                    log.warn("Teams: could not send the {}: {}", what, rootMessage(e));
                } finally {
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            done.complete(null);
        }
        return done;
    }

    /** Stops taking work and waits up to {@code grace} for answers in flight. */
    public void close(Duration grace) {
        owned.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ExecutorService service : owned) {
            try {
                if (!service.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    service.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.shutdownNow();
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
