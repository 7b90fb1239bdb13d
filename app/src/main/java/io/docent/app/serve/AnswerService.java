package io.docent.app.serve;

import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.Question;
import io.docent.core.UserTexts;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The service's side of answering: every platform's questions go through one of its {@link #forPlatform} answerers.
 *
 * <p>Why a semaphore and not a queue: each platform adapter already queues (boundedly) in front of its own workers,
 * and the web chat answers on the request's thread. What must not grow without bound is the number of pipelines
 * running at once, which is what holds memory (retrieved passages, model streams) and CPU. So at most {@code
 * maxConcurrent} answers run; a question that cannot get a permit within {@code maxWait} (short: the platforms'
 * users are waiting) gets a {@link Answer.Status#BUSY} answer at once. After {@link #shutdown} every new question
 * is busy, and the call waits, within its grace, for the answers in flight to finish.
 *
 * <p>Each question gets a correlation id, put in the logging context ({@value #MDC_CORRELATION_ID}, and {@value
 * #MDC_PLATFORM}) for as long as it is answered, so every log line of the pipeline carries it, and the outcome is
 * logged with it; a caller that put an id of its own in the MDC (to return it to the user) keeps it. The catch-all turns anything the answerer throws into a {@link Answer.Status#FAILED} answer.
 */
public final class AnswerService {

    public static final String MDC_CORRELATION_ID = "correlationId";
    public static final String MDC_PLATFORM = "platform";
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

    private final Supplier<Answerer> delegate;
    private final int maxConcurrent;
    private final long maxWaitNanos;
    private final Semaphore permits;
    private final Supplier<String> ids;
    private volatile boolean accepting = true;

    /**
     * @param delegate the answerer to call, looked up per question (the index may be reopened while serving)
     * @param maxConcurrent answers running at once
     * @param maxWait how long a question may wait for one of them before it is told the service is busy
     */
    public AnswerService(Supplier<Answerer> delegate, int maxConcurrent, Duration maxWait) {
        this(delegate, maxConcurrent, maxWait, () -> UUID.randomUUID().toString());
    }

    AnswerService(Supplier<Answerer> delegate, int maxConcurrent, Duration maxWait, Supplier<String> ids) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.maxConcurrent = maxConcurrent;
        this.maxWaitNanos = Objects.requireNonNull(maxWait, "maxWait").toNanos();
        this.permits = new Semaphore(maxConcurrent, true);
        this.ids = ids;
    }

    /** A default for {@code DOCENT_MAX_CONCURRENT_ANSWERS}: twice the cores (answers wait on I/O too), at least 4. */
    public static int defaultMaxConcurrent() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** The answerer a platform's adapter calls; {@code platform} names it in logs and metrics. */
    public Answerer forPlatform(String platform) {
        Objects.requireNonNull(platform, "platform");
        return question -> answer(platform, question);
    }

    private Answer answer(String platform, Question question) {
        // A caller that has an id of its own (the web chat returns it to the browser) puts it in the MDC first.
        String given = MDC.get(MDC_CORRELATION_ID);
        String id = given != null ? given : ids.get();
        MDC.put(MDC_CORRELATION_ID, id);
        MDC.put(MDC_PLATFORM, platform);
        try {
            if (!accepting || !acquire()) {
                log.info("Question {} from {}: busy ({} answers running)", id, platform, inFlight());
                return Answer.busy();
            }
            try {
                Answer answer = accepting ? call(question) : Answer.busy();
                if (answer.status() == Answer.Status.FAILED) {
                    log.warn("Question {} from {} failed: {}", id, platform, answer.text());
                } else {
                    log.info("Question {} from {}: {}", id, platform, answer.status());
                }
                return answer;
            } finally {
                permits.release();
            }
        } finally {
            if (given == null) {
                MDC.remove(MDC_CORRELATION_ID);
            }
            MDC.remove(MDC_PLATFORM);
        }
    }

    private Answer call(Question question) {
        try {
            Answer answer = delegate.get().answer(question);
            if (answer == null) {
                String reference = UserTexts.newReference();
                log.error("The answerer returned no answer (reference {})", reference);
                return Answer.failed(UserTexts.failed(reference));
            }
            return answer;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme && !(vme instanceof OutOfMemoryError)) {
                throw vme;
            }
            String reference = UserTexts.newReference();
            log.error("Answering failed unexpectedly (reference {})", reference, e);
            return Answer.failed(UserTexts.failed(reference));
        }
    }

    private boolean acquire() {
        try {
            return permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Answers running now. */
    public int inFlight() {
        return maxConcurrent - permits.availablePermits();
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public boolean accepting() {
        return accepting;
    }

    /**
     * Stops taking questions (new ones are told the service is busy) and waits up to {@code grace} for those in
     * flight.
     *
     * @return whether every answer in flight finished within the grace
     */
    public boolean shutdown(Duration grace) {
        accepting = false;
        try {
            if (permits.tryAcquire(maxConcurrent, grace.toNanos(), TimeUnit.NANOSECONDS)) {
                permits.release(maxConcurrent);
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("Shutting down with {} answers still running after {}", inFlight(), grace);
        return false;
    }
}
