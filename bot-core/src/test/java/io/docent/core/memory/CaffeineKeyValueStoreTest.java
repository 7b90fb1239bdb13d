package io.docent.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.KeyValueStore;
import io.docent.core.KeyValueStoreContract;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaffeineKeyValueStoreTest extends KeyValueStoreContract {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    protected KeyValueStore store() {
        return new CaffeineKeyValueStore(1_000, nanos::get);
    }

    @Override
    protected List<KeyValueStore> twoViews() {
        KeyValueStore one = store();
        return List.of(one, one);
    }

    @Test
    void each_entry_expires_after_its_own_lifetime() {
        KeyValueStore store = store();
        store.put("short", "1", Duration.ofMinutes(10));
        store.put("long", "1", Duration.ofDays(7));

        nanos.addAndGet(Duration.ofMinutes(11).toNanos());

        assertThat(store.get("short")).isEmpty();
        assertThat(store.putIfAbsent("short", "2", Duration.ofMinutes(10))).isTrue();
        assertThat(store.get("long")).contains("1");
    }

    @Test
    void put_restarts_the_lifetime() {
        KeyValueStore store = store();
        store.put("k", "1", Duration.ofMinutes(10));
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());

        store.put("k", "2", Duration.ofMinutes(10));
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());

        assertThat(store.get("k")).contains("2");
    }
}
