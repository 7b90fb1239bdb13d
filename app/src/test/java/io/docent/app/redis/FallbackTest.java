package io.docent.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.DocentException;
import io.docent.core.KeyValueStore;
import io.docent.core.feedback.FeedbackRecord;
import io.docent.core.feedback.FeedbackSink;
import io.docent.core.memory.CaffeineKeyValueStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FallbackTest {

    private final List<String> fellBack = new ArrayList<>();
    private final Fallback fallback = new Fallback(fellBack::add);
    private final AtomicBoolean redisUp = new AtomicBoolean(true);

    @Test
    void a_claim_goes_to_local_memory_while_the_shared_store_fails_and_back_to_it_when_it_answers() {
        KeyValueStore shared = new CaffeineKeyValueStore(100, System::nanoTime);
        KeyValueStore local = new CaffeineKeyValueStore(100, System::nanoTime);
        KeyValueStore store = fallback.keyValues("slack", failingWhileDown(shared), local);

        redisUp.set(false);
        assertThat(store.putIfAbsent("slack:event:Ev1", "1", Duration.ofMinutes(1)))
                .isTrue();
        assertThat(store.putIfAbsent("slack:event:Ev1", "1", Duration.ofMinutes(1)))
                .isFalse();
        assertThat(local.get("slack:event:Ev1")).contains("1");
        assertThat(fellBack).containsExactly("slack", "slack");

        redisUp.set(true);
        assertThat(store.putIfAbsent("slack:event:Ev2", "1", Duration.ofMinutes(1)))
                .isTrue();
        assertThat(shared.get("slack:event:Ev2")).contains("1");
        store.remove("slack:event:Ev1"); // a claim handed back is forgotten in both
        assertThat(local.get("slack:event:Ev1")).isEmpty();
        assertThat(fellBack).hasSize(2);
    }

    @Test
    void a_vote_goes_to_the_local_log_while_the_stream_fails_so_none_is_lost() {
        List<FeedbackRecord> stream = new ArrayList<>();
        List<FeedbackRecord> file = new ArrayList<>();
        FeedbackSink sink = fallback.feedback(
                record -> {
                    if (!redisUp.get()) {
                        throw new DocentException.Retriable("Redis at redis://cache:6379 is not connected", null);
                    }
                    stream.add(record);
                },
                file::add);
        var vote =
                new FeedbackRecord(Instant.EPOCH, "slack", FeedbackRecord.Vote.UP, "U1", "C1", "", "q", "a", List.of());

        sink.record(vote);
        redisUp.set(false);
        sink.record(vote);

        assertThat(stream).hasSize(1);
        assertThat(file).hasSize(1);
        assertThat(fellBack).containsExactly("feedback");
    }

    private KeyValueStore failingWhileDown(KeyValueStore store) {
        return new KeyValueStore() {
            @Override
            public boolean putIfAbsent(String key, String value, Duration ttl) {
                check();
                return store.putIfAbsent(key, value, ttl);
            }

            @Override
            public void put(String key, String value, Duration ttl) {
                check();
                store.put(key, value, ttl);
            }

            @Override
            public Optional<String> get(String key) {
                check();
                return store.get(key);
            }

            @Override
            public void remove(String key) {
                check();
                store.remove(key);
            }

            private void check() {
                if (!redisUp.get()) {
                    throw new DocentException.Retriable("Redis at redis://cache:6379 is not connected", null);
                }
            }
        };
    }
}
