package io.docent.slack.event;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * The threads Docent answered in, so a follow-up there is answered without a new mention. Bounded and in memory:
 * after a restart, or for a thread evicted long ago, the state is {@link State#UNKNOWN} and the caller looks at the
 * thread's replies for one of Docent's messages, then records what it found. Threads found without Docent are
 * remembered briefly, so a busy conversation between people costs one {@code conversations.replies} call per
 * {@link #DEFAULT_NEGATIVE_TTL}, not one per message; answering there later replaces that at once.
 */
public final class ThreadMemory {

    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);
    public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofMinutes(10);

    /** What is known of a thread. */
    public enum State {
        ANSWERED,
        NOT_ANSWERED,
        UNKNOWN
    }

    private final Cache<String, Boolean> answered;
    private final Cache<String, Boolean> notAnswered;

    public ThreadMemory(Ticker ticker) {
        this.answered = Caffeine.newBuilder()
                .maximumSize(DEFAULT_MAXIMUM_SIZE)
                .expireAfterAccess(DEFAULT_TTL)
                .ticker(ticker)
                .build();
        this.notAnswered = Caffeine.newBuilder()
                .maximumSize(DEFAULT_MAXIMUM_SIZE)
                .expireAfterWrite(DEFAULT_NEGATIVE_TTL)
                .ticker(ticker)
                .build();
    }

    public State state(String threadKey) {
        if (answered.getIfPresent(threadKey) != null) {
            return State.ANSWERED;
        }
        return notAnswered.getIfPresent(threadKey) != null ? State.NOT_ANSWERED : State.UNKNOWN;
    }

    /** Docent answered (or is answering) in this thread. */
    public void rememberAnswered(String threadKey) {
        answered.put(threadKey, Boolean.TRUE);
        notAnswered.invalidate(threadKey);
    }

    /** The thread was checked and Docent has not answered there. */
    public void rememberNotAnswered(String threadKey) {
        if (answered.getIfPresent(threadKey) == null) {
            notAnswered.put(threadKey, Boolean.TRUE);
        }
    }
}
