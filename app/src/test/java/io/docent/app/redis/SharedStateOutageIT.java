package io.docent.app.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.app.config.RedisConfig;
import io.docent.app.serve.SharedState;
import io.docent.core.DocentException;
import io.docent.core.KeyValueStore;
import io.docent.core.PerPersonLimit;
import io.docent.core.Turn;
import io.docent.core.memory.CaffeineConversationStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Redis going away and coming back under the shared state: every store keeps working from this process's memory,
 * each fallback is counted and readiness says what is wrong; once Redis is back, the state is shared again.
 */
class SharedStateOutageIT {

    @Test
    void with_redis_stopped_the_stores_fall_back_to_memory_and_return_to_redis_once_it_is_back() throws Exception {
        var fallbacks = new ConcurrentHashMap<String, AtomicInteger>();
        try (LocalRedis server = LocalRedis.start();
                SharedState shared =
                        SharedState.open(Optional.of(server.config(Duration.ofMillis(250))), store -> fallbacks
                                .computeIfAbsent(store, k -> new AtomicInteger())
                                .incrementAndGet());
                RedisState probe = RedisState.open(server.config())) {
            KeyValueStore slack = shared.keyValues("slack", 1_000);
            PerPersonLimit limit = shared.perPersonLimit();
            var history = shared.conversations(CaffeineConversationStore::new);
            assertThat(shared.problem()).isEmpty();
            assertThat(slack.putIfAbsent("slack:event:Ev1", "1", Duration.ofMinutes(5)))
                    .isTrue();
            assertThat(exists(probe, RedisKeyValueStore.PREFIX + "slack:event:Ev1"))
                    .isTrue();

            server.stop();

            assertThat(shared.problem()).get().asString().contains("redis:").contains("127.0.0.1:" + server.port());
            assertThat(slack.putIfAbsent("slack:event:Ev2", "1", Duration.ofMinutes(5)))
                    .isTrue();
            assertThat(slack.putIfAbsent("slack:event:Ev2", "1", Duration.ofMinutes(5)))
                    .as("claims still deduplicate within this replica")
                    .isFalse();
            Optional<PerPersonLimit.Permit> permit = limit.tryAcquire("slack\0T1\0U1", 1);
            assertThat(permit).isPresent();
            assertThat(limit.tryAcquire("slack\0T1\0U1", 1)).isEmpty();
            permit.get().release();
            history.append("19:chat", List.of(Turn.user("q"), Turn.assistant("a")));
            assertThat(history.history("19:chat")).hasSize(2);
            assertThat(fallbacks.keySet()).contains("slack", "per-person-limit", "history");

            server.restart();
            awaitConnected(shared);
            awaitConnected(probe);

            assertThat(slack.putIfAbsent("slack:event:Ev3", "1", Duration.ofMinutes(5)))
                    .isTrue();
            assertThat(exists(probe, RedisKeyValueStore.PREFIX + "slack:event:Ev3"))
                    .isTrue();
        }
    }

    @Test
    void a_replica_started_while_redis_is_down_answers_from_memory_and_joins_redis_when_it_comes_up() throws Exception {
        try (LocalRedis server = LocalRedis.start()) {
            server.stop();
            try (SharedState shared = SharedState.open(Optional.of(server.config(Duration.ofMillis(250))), s -> {})) {
                KeyValueStore teams = shared.keyValues("teams", 1_000);
                assertThat(teams.putIfAbsent("teams:delivery:1", "1", Duration.ofMinutes(5)))
                        .isTrue();
                assertThat(shared.problem()).isPresent();

                server.restart();
                awaitConnected(shared);

                assertThat(teams.putIfAbsent("teams:delivery:2", "1", Duration.ofMinutes(5)))
                        .isTrue();
                try (RedisState probe = RedisState.open(server.config())) {
                    assertThat(exists(probe, RedisKeyValueStore.PREFIX + "teams:delivery:2"))
                            .isTrue();
                }
            }
        }
    }

    @Test
    void a_redis_that_stops_answering_costs_one_timeout_then_calls_skip_it_until_it_may_answer_again()
            throws Exception {
        try (LocalRedis server = LocalRedis.start();
                RedisState redis = RedisState.open(server.config(Duration.ofMillis(100)))) {
            var store = new RedisKeyValueStore(redis);
            assertThat(store.putIfAbsent("k1", "1", Duration.ofMinutes(1))).isTrue();

            server.pause(); // a partition: the connection stays open, nothing answers
            try {
                assertThatThrownBy(() -> store.putIfAbsent("k2", "1", Duration.ofMinutes(1)))
                        .isInstanceOf(DocentException.Retriable.class)
                        .hasMessageContaining("RedisCommandTimeoutException");
                assertThatThrownBy(() -> store.get("k1"))
                        .isInstanceOf(DocentException.Retriable.class)
                        .hasMessageContaining("not tried");
            } finally {
                server.resume();
            }

            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (redis.problem().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(store.get("k1")).contains("1");
        }
    }

    @Test
    void readiness_says_why_redis_refuses_the_connection_without_the_password() throws Exception {
        try (LocalRedis server = LocalRedis.start();
                RedisState admin = RedisState.open(server.config())) {
            admin.call(c -> c.configSet("requirepass", "s3cret-pw"));
            try (RedisState wrong = RedisState.open(new RedisConfig(
                    io.lettuce.core.RedisURI.create("redis://:not-it@127.0.0.1:" + server.port()),
                    Duration.ofMillis(250)))) {
                assertThat(wrong.problem())
                        .get()
                        .asString()
                        .contains("not connected")
                        .containsAnyOf("WRONGPASS", "NOAUTH", "invalid")
                        .doesNotContain("s3cret-pw")
                        .doesNotContain("not-it");
            }
        }
    }

    /** Waits for the reconnection (Lettuce's, in the background), bounded for a failing run; nothing timed. */
    private static void awaitConnected(SharedState shared) throws InterruptedException {
        awaitConnected(shared::problem);
    }

    private static void awaitConnected(RedisState redis) throws InterruptedException {
        awaitConnected(redis::problem);
    }

    private static void awaitConnected(java.util.function.Supplier<Optional<String>> problem)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (problem.get().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(problem.get()).isEmpty();
    }

    private static boolean exists(RedisState probe, String key) {
        Long n = probe.call(c -> c.exists(key));
        return n == 1L;
    }
}
