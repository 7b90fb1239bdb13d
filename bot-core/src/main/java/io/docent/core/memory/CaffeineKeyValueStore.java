package io.docent.core.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.KeyValueStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link KeyValueStore}: in memory, each entry expiring after its own time to live, and bounded in size
 * (under a flood the least recently used go first, which a caller of the port already allows for). Lost on restart
 * and not shared between replicas. Thread-safe; {@link #putIfAbsent} is atomic.
 */
public final class CaffeineKeyValueStore implements KeyValueStore {

    private record Entry(String value, long ttlNanos) {}

    private final Cache<String, Entry> entries;

    /** At most {@code maximumSize} entries, timed by {@code ticker} (tests pass a fake one). */
    public CaffeineKeyValueStore(long maximumSize, Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long remaining) {
                        return remaining;
                    }
                })
                .ticker(Objects.requireNonNull(ticker, "ticker"))
                .build();
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        return entries.asMap().putIfAbsent(key, entry(value, ttl)) == null;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, entry(value, ttl));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public void remove(String key) {
        entries.invalidate(key);
    }

    private static Entry entry(String value, Duration ttl) {
        Objects.requireNonNull(value, "value");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        return new Entry(value, ttl.toNanos());
    }
}
