package io.docent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KeyValueStore} does. A subclass returns fresh stores; {@link #twoViews()} returns two stores on
 * the same data, as two replicas see it (for the in-memory store, the same one twice).
 */
public abstract class KeyValueStoreContract {

    protected static final Duration TTL = Duration.ofMinutes(5);

    protected abstract KeyValueStore store();

    /** Two stores on the same data, as two replicas of a service hold them. */
    protected abstract List<KeyValueStore> twoViews();

    @Test
    void a_key_is_claimed_once() {
        KeyValueStore store = store();

        assertThat(store.putIfAbsent("slack:event:Ev1", "1", TTL)).isTrue();
        assertThat(store.putIfAbsent("slack:event:Ev1", "2", TTL)).isFalse();
        assertThat(store.putIfAbsent("slack:event:Ev2", "1", TTL)).isTrue();
        assertThat(store.get("slack:event:Ev1")).contains("1");
    }

    @Test
    void of_many_concurrent_claims_on_two_replicas_exactly_one_wins() throws Exception {
        List<KeyValueStore> views = twoViews();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        var go = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            KeyValueStore view = views.get(i % 2);
            claims.add(pool.submit(() -> {
                go.await();
                return view.putIfAbsent("claim", "x", TTL);
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> claim : claims) {
            won += claim.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
    }

    @Test
    void what_one_replica_stores_the_other_reads() {
        List<KeyValueStore> views = twoViews();

        views.get(0).put("slack:thread:C1:1.1", "answered", TTL);

        assertThat(views.get(1).get("slack:thread:C1:1.1")).contains("answered");
    }

    @Test
    void put_replaces_and_get_of_an_unknown_key_is_empty() {
        KeyValueStore store = store();
        store.putIfAbsent("k", "not-answered", TTL);

        store.put("k", "answered", TTL);

        assertThat(store.get("k")).contains("answered");
        assertThat(store.get("unknown")).isEmpty();
    }

    @Test
    void a_removed_claim_can_be_claimed_again() {
        KeyValueStore store = store();
        store.putIfAbsent("teams:delivery:1", "1", TTL);

        store.remove("teams:delivery:1");

        assertThat(store.get("teams:delivery:1")).isEmpty();
        assertThat(store.putIfAbsent("teams:delivery:1", "1", TTL)).isTrue();
    }

    @Test
    void keeps_values_and_keys_exactly() {
        KeyValueStore store = store();
        String key = "teams:delivery:msteams\n19:a@thread.tacv2;messageid=1\n1:ü";
        String value = "{\"answer\":\"line one\\nline \\\"two\\\" ünïcødé 👍\"}\nraw line";

        store.put(key, value, TTL);

        assertThat(store.get(key)).contains(value);
    }

    @Test
    void refuses_a_lifetime_that_is_not_positive() {
        KeyValueStore store = store();

        assertThatThrownBy(() -> store.put("k", "v", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.putIfAbsent("k", "v", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
