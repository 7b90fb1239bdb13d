package io.docent.app.serve;

import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.Answerer;
import io.docent.core.Identity;
import io.docent.core.PerPersonLimit;
import io.docent.core.Question;
import io.docent.core.UserTexts;
import io.docent.core.memory.LocalPerPersonLimit;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The service's admission control, with the tracing of each question it admits: every platform's questions go
 * through one of its {@link #forPlatform} answerers, {@link Answerer} decorators that bound, trace and catch.
 *
 * <p>This is the service's one admission control, for every surface: the Slack and Teams adapters run each question
 * on a virtual thread of its own and the web chat on the request's thread, none of them queues or limits. What must
 * not grow without bound is the number of pipelines running at once, which is what holds memory (retrieved
 * passages, model streams) and CPU. So at most {@code maxConcurrent} answers run, first come first served; at most
 * {@code maxWaiting} more questions wait for one of them, each for at most {@code maxWait}: a burst is answered a
 * little later rather than turned away, and a question beyond that gets a {@link Answer.Status#BUSY} answer at once
 * (people are told to ask again in a minute). And one person may have at most {@code
 * maxPerPerson} questions in flight (waiting or running): one person asking in a loop cannot make Docent busy for
 * everyone; their extra questions are told so ({@link Answer#busyForYou()}). People are told apart by their
 * platform identity; the administrator and unknown people (no user id) are not limited per person. The per-person
 * count is a {@link PerPersonLimit}: this process's by default, every replica's together when the state is shared
 * (Redis); if that count cannot be reached the question is admitted (an answer is better than a wrong "busy"). After
 * {@link
 * #shutdown} every new question is busy, and the call waits, within its grace, for the answers in flight to finish.
 *
 * <p>Each question gets a correlation id, put in the logging context ({@value #MDC_CORRELATION_ID}, and {@value
 * #MDC_PLATFORM}) for as long as it is answered, so every log line of the pipeline carries it, and the outcome is
 * logged with it; a caller that put an id of its own in the MDC (to return it to the user) keeps it. The catch-all turns anything the answerer throws into a {@link Answer.Status#FAILED} answer.
 */
public final class AdmissionControl {

    public static final String MDC_CORRELATION_ID = "correlationId";
    public static final String MDC_PLATFORM = "platform";
    /** Long enough for a burst to drain, short of the 30 s an HTTP client (the web chat) commonly waits. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

    public static final int DEFAULT_MAX_WAITING = 200;
    public static final int DEFAULT_MAX_PER_PERSON = 2;

    private static final Logger log = LoggerFactory.getLogger(AdmissionControl.class);

    private final Supplier<Answerer> delegate;
    private final int maxConcurrent;
    private final long maxWaitNanos;
    private final Semaphore permits;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxPerPerson;
    private final PerPersonLimit perPerson;
    private final Supplier<String> ids;
    private volatile boolean accepting = true;

    /**
     * @param delegate the answerer to call, looked up per question (the index may be reopened while serving)
     * @param maxConcurrent answers running at once
     * @param maxWait how long a question may wait for one of them before it is told the service is busy
     */
    public AdmissionControl(Supplier<Answerer> delegate, int maxConcurrent, Duration maxWait) {
        this(delegate, new Limits(maxConcurrent, DEFAULT_MAX_WAITING, maxWait, DEFAULT_MAX_PER_PERSON));
    }

    /**
     * The service's limits.
     *
     * @param maxConcurrent answers running at once
     * @param maxWaiting questions waiting for one of them; beyond, busy at once
     * @param maxWait how long a question may wait before it is told the service is busy
     * @param maxPerPerson questions one person may have in flight (waiting or running)
     */
    public record Limits(int maxConcurrent, int maxWaiting, Duration maxWait, int maxPerPerson) {
        public Limits {
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
            }
            if (maxWaiting < 0) {
                throw new IllegalArgumentException("maxWaiting must be at least 0, was " + maxWaiting);
            }
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxPerPerson < 1) {
                throw new IllegalArgumentException("maxPerPerson must be at least 1, was " + maxPerPerson);
            }
        }
    }

    public AdmissionControl(Supplier<Answerer> delegate, Limits limits) {
        this(delegate, limits, new LocalPerPersonLimit());
    }

    /** With the per-person count kept in {@code perPerson} (shared by replicas, or this process's). */
    public AdmissionControl(Supplier<Answerer> delegate, Limits limits, PerPersonLimit perPerson) {
        this(delegate, limits, perPerson, () -> UUID.randomUUID().toString());
    }

    AdmissionControl(Supplier<Answerer> delegate, Limits limits, Supplier<String> ids) {
        this(delegate, limits, new LocalPerPersonLimit(), ids);
    }

    AdmissionControl(Supplier<Answerer> delegate, Limits limits, PerPersonLimit perPerson, Supplier<String> ids) {
        int maxConcurrent = limits.maxConcurrent();
        Duration maxWait = limits.maxWait();
        int maxPerPerson = limits.maxPerPerson();
        this.maxWaiting = limits.maxWaiting();
        this.maxPerPerson = maxPerPerson;
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.maxConcurrent = maxConcurrent;
        this.maxWaitNanos = Objects.requireNonNull(maxWait, "maxWait").toNanos();
        this.permits = new Semaphore(maxConcurrent, true);
        this.ids = ids;
        this.perPerson = Objects.requireNonNull(perPerson, "perPerson");
    }

    /** A default for {@code DOCENT_MAX_CONCURRENT_ANSWERS}: twice the cores (answers wait on I/O too), at least 4. */
    public static int defaultMaxConcurrent() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    /**
     * The answerer a platform's adapter calls; {@code platform} names it in logs and metrics. An answer in progress
     * reaches the caller's {@link AnswerProgress} from the answerer behind.
     */
    public Answerer forPlatform(String platform) {
        Objects.requireNonNull(platform, "platform");
        return new Answerer() {
            @Override
            public Answer answer(Question question) {
                return AdmissionControl.this.answer(platform, question, AnswerProgress.NONE);
            }

            @Override
            public Answer answer(Question question, AnswerProgress progress) {
                return AdmissionControl.this.answer(platform, question, progress);
            }
        };
    }

    private Answer answer(String platform, Question question, AnswerProgress progress) {
        // A caller that has an id of its own (the web chat returns it to the browser) puts it in the MDC first.
        String given = MDC.get(MDC_CORRELATION_ID);
        String id = given != null ? given : ids.get();
        MDC.put(MDC_CORRELATION_ID, id);
        MDC.put(MDC_PLATFORM, platform);
        String person = personKey(question);
        Optional<PerPersonLimit.Permit> entered = Optional.empty();
        try {
            entered = person == null ? Optional.empty() : enter(person);
            if (person != null && entered.isEmpty()) {
                log.info(
                        "Question {} from {}: busy for {} ({} of theirs in flight)",
                        id,
                        platform,
                        question.asker().identity().logRef(),
                        maxPerPerson);
                return Answer.busyForYou();
            }
            if (!accepting || !acquire()) {
                log.info("Question {} from {}: busy ({} answers running)", id, platform, inFlight());
                return Answer.busy();
            }
            try {
                Answer answer = accepting ? call(question, progress) : Answer.busy();
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
            entered.ifPresent(PerPersonLimit.Permit::release);
            if (given == null) {
                MDC.remove(MDC_CORRELATION_ID);
            }
            MDC.remove(MDC_PLATFORM);
        }
    }

    /** Who asks, for the per-person limit; {@code null} for the administrator and people without a user id. */
    private static String personKey(Question question) {
        Identity who = question.asker().identity();
        if (who.isAdministrator() || who.userId().isEmpty()) {
            return null;
        }
        return who.platform() + "\u0000" + who.tenantId() + "\u0000" + who.userId();
    }

    /**
     * A permit for one more question of {@code person}, or empty when they are at the limit; when the count cannot be
     * reached, a permit that holds nothing (the question is admitted).
     */
    private Optional<PerPersonLimit.Permit> enter(String person) {
        try {
            return perPerson.tryAcquire(person, maxPerPerson);
        } catch (RuntimeException e) {
            log.warn("The per-person limit could not be checked ({}); the question is admitted", e.getMessage());
            return Optional.of(() -> {});
        }
    }

    private Answer call(Question question, AnswerProgress progress) {
        try {
            Answer answer = delegate.get().answer(question, progress);
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

    /** A permit at once, or after waiting in line (at most {@code maxWaiting} wait, each up to {@code maxWait}). */
    private boolean acquire() {
        try {
            if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) { // honours the line, unlike tryAcquire()
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Questions waiting for an answer to finish. */
    public int waiting() {
        return waiting.get();
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
