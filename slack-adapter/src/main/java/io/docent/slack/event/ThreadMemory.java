package io.docent.slack.event;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.KeyValueStore;
import io.docent.core.memory.CaffeineKeyValueStore;
import java.time.Duration;
import java.util.Objects;

/**
 * The threads Docent answered in, so a follow-up there is answered without a new mention. Kept in a {@link
 * KeyValueStore}: in memory (bounded) for one process, on Redis so that every replica knows the threads any of them
 * answered in. After a restart of an in-memory process, or for a thread forgotten long ago, the state is {@link
 * State#UNKNOWN} and the caller looks at the thread's replies for one of Docent's messages, then records what it
 * found. Threads found without Docent are remembered briefly, so a busy conversation between people costs one {@code
 * conversations.replies} call per {@link #DEFAULT_NEGATIVE_TTL}, not one per message; answering there later replaces
 * that at once. An answered thread is remembered for {@link #DEFAULT_TTL} after Docent's latest answer in it.
 */
public final class ThreadMemory {

    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);
    public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofMinutes(10);

    private static final String PREFIX = "slack:thread:";
    private static final String ANSWERED = "answered";
    private static final String NOT_ANSWERED = "not-answered";

    /** What is known of a thread. */
    public enum State {
        ANSWERED,
        NOT_ANSWERED,
        UNKNOWN
    }

    private final KeyValueStore threads;

    /** Threads kept in {@code threads}, under keys starting {@value #PREFIX}. */
    public ThreadMemory(KeyValueStore threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** Threads kept in memory, timed by {@code ticker}. */
    public ThreadMemory(Ticker ticker) {
        this(new CaffeineKeyValueStore(DEFAULT_MAXIMUM_SIZE, ticker));
    }

    public State state(String threadKey) {
        return threads.get(PREFIX + threadKey)
                .map(v -> v.equals(ANSWERED) ? State.ANSWERED : State.NOT_ANSWERED)
                .orElse(State.UNKNOWN);
    }

    /** Docent answered (or is answering) in this thread. */
    public void rememberAnswered(String threadKey) {
        threads.put(PREFIX + threadKey, ANSWERED, DEFAULT_TTL);
    }

    /** The thread was checked and Docent has not answered there (an answered thread stays answered). */
    public void rememberNotAnswered(String threadKey) {
        threads.putIfAbsent(PREFIX + threadKey, NOT_ANSWERED, DEFAULT_NEGATIVE_TTL);
    }
}
