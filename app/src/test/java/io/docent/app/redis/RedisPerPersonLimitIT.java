package io.docent.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.PerPersonLimit;
import io.docent.core.PerPersonLimitContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RedisPerPersonLimit} against a real {@code redis-server}, two connections standing for two replicas. */
class RedisPerPersonLimitIT extends PerPersonLimitContract {

    @RegisterExtension
    static final TwoReplicasOnRedis redis = new TwoReplicasOnRedis();

    @Override
    protected PerPersonLimit limit() {
        return new RedisPerPersonLimit(redis.a(), Duration.ofMinutes(2));
    }

    @Override
    protected List<PerPersonLimit> twoViews() {
        return List.of(
                new RedisPerPersonLimit(redis.a(), Duration.ofMinutes(2)),
                new RedisPerPersonLimit(redis.b(), Duration.ofMinutes(2)));
    }

    @Test
    void permits_of_a_replica_that_died_lapse_after_the_lease() throws Exception {
        var limit = new RedisPerPersonLimit(redis.a(), Duration.ofMillis(50));
        assertThat(limit.tryAcquire("slack\0T1\0U1", 1)).isPresent(); // never released: its replica "died"
        assertThat(limit.tryAcquire("slack\0T1\0U1", 1)).isEmpty();

        // waits out the lease on Redis's own clock (nothing asserted about how long that takes; bounded)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (redis.a().call(c -> c.exists(RedisPerPersonLimit.PREFIX + "slack\0T1\0U1")) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(limit.tryAcquire("slack\0T1\0U1", 1)).isPresent();
    }
}
