package io.docent.core;

import java.util.Optional;

/**
 * How many questions each person has in flight, so that one person asking in a loop cannot make Docent busy for
 * everyone: one process counts in memory ({@link io.docent.core.memory.LocalPerPersonLimit}), several replicas
 * count together on Redis. Persons are opaque keys (platform, tenant and user id). Safe for concurrent use.
 */
public interface PerPersonLimit {

    /**
     * A permit for one more question of {@code person}, or empty when they already have {@code max} in flight. The
     * caller releases the permit when the answer is done; a shared implementation also lets it lapse on its own
     * after a while, so that a replica that died holding permits does not lock its askers out.
     *
     * @throws DocentException.Retriable when a shared count cannot be reached (the caller decides whether to admit)
     */
    Optional<Permit> tryAcquire(String person, int max);

    /** One question's place in its asker's count. */
    @FunctionalInterface
    interface Permit {
        /** Gives the place back; once is enough, more is harmless. Never throws. */
        void release();
    }
}
