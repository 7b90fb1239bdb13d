package io.docent.app.redis;

import io.docent.core.KeyValueStore;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link KeyValueStore} on Redis, shared by every replica: {@code SET key value NX PX ttl} claims (atomic in Redis,
 * so exactly one replica wins), {@code SET PX}, {@code GET}, {@code DEL}. Keys get the prefix {@value #PREFIX}.
 * Throws {@link io.docent.core.DocentException.Retriable} when Redis cannot be reached ({@link RedisState#call}).
 */
public final class RedisKeyValueStore implements KeyValueStore {

    static final String PREFIX = "docent:kv:";

    private final RedisState redis;

    public RedisKeyValueStore(RedisState redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        SetArgs args = SetArgs.Builder.nx().px(millis(ttl));
        return "OK".equals(redis.call(c -> c.set(PREFIX + key, Objects.requireNonNull(value, "value"), args)));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        SetArgs args = SetArgs.Builder.px(millis(ttl));
        redis.call(c -> c.set(PREFIX + key, Objects.requireNonNull(value, "value"), args));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis.call(c -> c.get(PREFIX + key)));
    }

    @Override
    public void remove(String key) {
        redis.call(c -> c.del(PREFIX + key));
    }

    static long millis(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        return Math.max(1, ttl.toMillis());
    }
}
