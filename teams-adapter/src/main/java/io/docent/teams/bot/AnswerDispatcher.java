package io.docent.teams.bot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the work of a turn runs once the request has been answered. Two executors:
 *
 * <ul>
 *   <li>answers: {@code concurrency} platform threads ({@code DOCENT_TEAMS_CONCURRENCY}) and a bounded queue. On
 *       the embedded default answering is CPU-bound (embeddings, ranking), so about the number of cores is right;
 *       with a remote language model it mostly waits, and more threads help. A full queue is refused at once and
 *       the user is told Docent is busy, rather than the JVM queueing without bound.
 *   <li>I/O: a virtual thread per message sent (typing, greetings, busy notices), which only wait on the network.
 * </ul>
 */
public final class AnswerDispatcher implements AutoCloseable {

    public static final int DEFAULT_QUEUE = 200;
    private static final Logger log = LoggerFactory.getLogger(AnswerDispatcher.class);

    private final Executor answers;
    private final Executor io;
    private final List<ExecutorService> owned;

    private AnswerDispatcher(Executor answers, Executor io, List<ExecutorService> owned) {
        this.answers = answers;
        this.io = io;
        this.owned = owned;
    }

    /** {@code concurrency} answer threads with a queue of {@code queue} questions; I/O on virtual threads. */
    public static AnswerDispatcher bounded(int concurrency, int queue) {
        AtomicInteger n = new AtomicInteger();
        var pool = new ThreadPoolExecutor(
                concurrency,
                concurrency,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "docent-teams-answer-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        ExecutorService io = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("docent-teams-io-", 1).factory());
        return new AnswerDispatcher(pool, io, List.of(pool, io));
    }

    /** Everything on the calling thread, in order: for tests with the SDK's TestAdapter. */
    public static AnswerDispatcher direct() {
        return new AnswerDispatcher(Runnable::run, Runnable::run, List.of());
    }

    /** Queues an answer; false when the queue is full or the dispatcher is closed. */
    public boolean tryAnswer(Runnable job) {
        try {
            answers.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Sends something on the I/O executor; the future completes when it was sent (or failed, logged). */
    public CompletableFuture<Void> send(String what, Supplier<CompletableFuture<Void>> sending) {
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
