package io.docent.app.redis;

import io.docent.core.PerPersonLimit;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PerPersonLimit} on Redis: the limit holds across replicas.
 *
 * <p>Why a sorted set and not a counter: a replica that dies while answering never gives its permits back, and a
 * counter it incremented would lock its askers out until the key expired, an expiry every other question of theirs
 * would push back. Here each permit is a member of the person's set ({@value #PREFIX} and the person), scored with
 * the moment it lapses; one Lua script drops the lapsed members, counts the rest and adds the new one if there is
 * room, atomically, with Redis's own clock (so replicas' clocks need not agree). Releasing removes the member. A
 * permit lapses after {@code lease} even if never released, which bounds what a dead replica holds; an answer that
 * runs longer than the lease no longer counts against its asker, a small leniency.
 */
public final class RedisPerPersonLimit implements PerPersonLimit {

    /** Longer than an answer takes (the model's timeout, a wait in line), short enough to forgive a dead replica. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    static final String PREFIX = "docent:inflight:";
    private static final Logger log = LoggerFactory.getLogger(RedisPerPersonLimit.class);
    private static final String ACQUIRE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    private final RedisState redis;
    private final Duration lease;

    public RedisPerPersonLimit(RedisState redis, Duration lease) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.lease = Objects.requireNonNull(lease, "lease");
    }

    @Override
    public Optional<Permit> tryAcquire(String person, int max) {
        String key = PREFIX + Objects.requireNonNull(person, "person");
        String id = UUID.randomUUID().toString();
        String[] keys = {key};
        Long admitted = redis.call(c -> c.<Long>eval(
                ACQUIRE,
                ScriptOutputType.INTEGER,
                keys,
                Integer.toString(max),
                Long.toString(RedisKeyValueStore.millis(lease)),
                id));
        if (admitted == null || admitted != 1L) {
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                try {
                    redis.call(c -> c.zrem(key, id));
                } catch (RuntimeException e) {
                    log.warn(
                            "A per-person permit could not be given back ({}); it lapses within {}",
                            e.getMessage(),
                            lease);
                }
            }
        });
    }
}
