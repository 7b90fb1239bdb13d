package io.docent.core;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived facts by key, each with its own lifetime: what the replicas of one service must agree on, such as the
 * events already claimed for an answer, the threads Docent answered in and the answer messages awaiting votes. In
 * memory for one process ({@link io.docent.core.memory.CaffeineKeyValueStore}), on Redis for several.
 *
 * <p>Keys and values are non-null strings; a key is the caller's own (callers give theirs a prefix so that they do
 * not meet). An entry is gone once its time to live has passed; an implementation may also drop entries early to
 * stay bounded, so a caller treats a missing entry as "not known", never as "never happened". Implementations are
 * safe for concurrent use. A shared implementation throws {@link DocentException.Retriable} when its store cannot be
 * reached; callers that must go on without it wrap it in a fallback.
 */
public interface KeyValueStore {

    /**
     * Stores {@code value} under {@code key} for {@code ttl} unless the key is present: atomic, so of several callers
     * (threads or replicas) exactly one gets {@code true}. This is how a question is claimed for one answer.
     */
    boolean putIfAbsent(String key, String value, Duration ttl);

    /** Stores {@code value} under {@code key} for {@code ttl}, replacing any value and lifetime. */
    void put(String key, String value, Duration ttl);

    /** The value under {@code key}, or empty when there is none (never stored, expired or dropped). */
    Optional<String> get(String key);

    /** Forgets {@code key}, so that a later {@link #putIfAbsent} succeeds (a failed claim handed back). */
    void remove(String key);
}
