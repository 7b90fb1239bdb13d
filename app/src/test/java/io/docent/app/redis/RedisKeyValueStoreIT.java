package io.docent.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.KeyValueStore;
import io.docent.core.KeyValueStoreContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RedisKeyValueStore} against a real {@code redis-server}, two connections standing for two replicas. */
class RedisKeyValueStoreIT extends KeyValueStoreContract {

    private static LocalRedis server;
    private static RedisState replicaA;
    private static RedisState replicaB;

    @BeforeAll
    static void startRedis() throws Exception {
        server = LocalRedis.start();
        replicaA = RedisState.open(server.config());
        replicaB = RedisState.open(server.config());
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (replicaA != null) {
            replicaA.close();
            replicaB.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void emptyRedis() {
        replicaA.call(c -> c.flushall());
    }

    @Override
    protected KeyValueStore store() {
        return new RedisKeyValueStore(replicaA);
    }

    @Override
    protected List<KeyValueStore> twoViews() {
        return List.of(new RedisKeyValueStore(replicaA), new RedisKeyValueStore(replicaB));
    }

    @Test
    void a_claim_lives_in_redis_as_long_as_asked() {
        new RedisKeyValueStore(replicaA).putIfAbsent("slack:event:Ev1", "1", Duration.ofMinutes(10));

        long ttl = replicaA.call(c -> c.pttl(RedisKeyValueStore.PREFIX + "slack:event:Ev1"));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
    }
}
