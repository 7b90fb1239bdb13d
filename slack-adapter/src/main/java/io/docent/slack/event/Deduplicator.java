package io.docent.slack.event;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.KeyValueStore;
import io.docent.core.memory.CaffeineKeyValueStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Remembers what was already seen, for {@code ttl}, so each question gets exactly one answer. Slack delivers
 * duplicates in two ways: a retry of the same event (same event id; {@code X-Slack-Retry-Num} over HTTP,
 * {@code retry_attempt} in Socket Mode) when the ack was late or lost, and one tagged message as both
 * {@code app_mention} and {@code message} (two event ids, one channel + ts). Keys of both kinds are claimed in a
 * {@link KeyValueStore}; the first claim wins. With a shared store (Redis) that holds across replicas, whichever
 * replica a retry reaches; in memory it is bounded in size: under a flood the oldest keys go first.
 */
public final class Deduplicator {

    public static final long MAXIMUM_SIZE = 200_000;

    private final KeyValueStore seen;
    private final Duration ttl;

    /** Claims kept in {@code seen}, under keys starting {@code slack:}. */
    public Deduplicator(KeyValueStore seen, Duration ttl) {
        this.seen = Objects.requireNonNull(seen, "seen");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** Claims kept in memory, timed by {@code ticker}. */
    public Deduplicator(Duration ttl, Ticker ticker) {
        this(new CaffeineKeyValueStore(MAXIMUM_SIZE, ticker), ttl);
    }

    /** True the first time {@code eventId} is claimed within the TTL; an empty id is never a duplicate. */
    public boolean firstEvent(String eventId) {
        return eventId.isEmpty() || claim("slack:event:" + eventId);
    }

    /** True the first time the message {@code channel} + {@code ts} is claimed within the TTL. */
    public boolean firstMessage(String channel, String ts) {
        return claim("slack:message:" + channel + ":" + ts);
    }

    private boolean claim(String key) {
        return seen.putIfAbsent(key, "1", ttl);
    }
}
