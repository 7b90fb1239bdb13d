package io.docent.teams.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.KeyValueStore;
import io.docent.core.memory.CaffeineKeyValueStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory store behind the answers the adapter remembers for feedback, which lets a test wait until an answer
 * is remembered. The adapter remembers an answer once Teams has said which id it gave the message, a moment after the
 * local connector received it; a click in that moment (only a test is that fast) would find the answer not yet
 * remembered, so feedback tests {@link #awaitOne} before they click.
 */
public final class RememberedAnswers implements KeyValueStore {

    private final KeyValueStore memory = new CaffeineKeyValueStore(10_000, Ticker.systemTicker());
    private final Semaphore remembered = new Semaphore(0);

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        boolean put = memory.putIfAbsent(key, value, ttl);
        if (put) {
            remembered.release();
        }
        return put;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        memory.put(key, value, ttl);
        remembered.release();
    }

    @Override
    public Optional<String> get(String key) {
        return memory.get(key);
    }

    @Override
    public void remove(String key) {
        memory.remove(key);
    }

    /** Waits (up to {@code wait}) until one more answer was remembered, and fails the test if none was. */
    public void awaitOne(Duration wait) throws InterruptedException {
        assertThat(remembered.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS))
                .as("an answer remembered for feedback within %s", wait)
                .isTrue();
    }
}
