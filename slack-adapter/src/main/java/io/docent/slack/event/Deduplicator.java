package io.docent.slack.event;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Remembers what was already seen, for {@code ttl}, so each question gets exactly one answer. Slack delivers
 * duplicates in two ways: a retry of the same event (same event id; {@code X-Slack-Retry-Num} over HTTP,
 * {@code retry_attempt} in Socket Mode) when the ack was late or lost, and one tagged message as both
 * {@code app_mention} and {@code message} (two event ids, one channel + ts). Keys of both kinds are claimed here;
 * the first claim wins. Bounded in size: under a flood the oldest keys go first.
 */
public final class Deduplicator {

    public static final long MAXIMUM_SIZE = 200_000;

    private final Cache<String, Boolean> seen;

    public Deduplicator(Duration ttl, Ticker ticker) {
        this.seen = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAXIMUM_SIZE)
                .ticker(ticker)
                .build();
    }

    /** True the first time {@code eventId} is claimed within the TTL; an empty id is never a duplicate. */
    public boolean firstEvent(String eventId) {
        return eventId.isEmpty() || claim("event:" + eventId);
    }

    /** True the first time the message {@code channel} + {@code ts} is claimed within the TTL. */
    public boolean firstMessage(String channel, String ts) {
        return claim("message:" + channel + ":" + ts);
    }

    private boolean claim(String key) {
        return seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }
}
