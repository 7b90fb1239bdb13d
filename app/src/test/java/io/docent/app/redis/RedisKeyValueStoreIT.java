package io.docent.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.KeyValueStore;
import io.docent.core.KeyValueStoreContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RedisKeyValueStore} against a real {@code redis-server}, two connections standing for two replicas. */
class RedisKeyValueStoreIT extends KeyValueStoreContract {

    @RegisterExtension
    static final TwoReplicasOnRedis redis = new TwoReplicasOnRedis();

    @Override
    protected KeyValueStore store() {
        return new RedisKeyValueStore(redis.a());
    }

    @Override
    protected List<KeyValueStore> twoViews() {
        return List.of(new RedisKeyValueStore(redis.a()), new RedisKeyValueStore(redis.b()));
    }

    @Test
    void a_claim_lives_in_redis_as_long_as_asked() {
        new RedisKeyValueStore(redis.a()).putIfAbsent("slack:event:Ev1", "1", Duration.ofMinutes(10));

        long ttl = redis.a().call(c -> c.pttl(RedisKeyValueStore.PREFIX + "slack:event:Ev1"));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
    }
}
