package io.docent.slack.testing;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.slack.Hooks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Hooks for tests: a fixed clock, sleeps recorded instead of slept, ids {@code id-1}, {@code id-2}... */
public final class TestHooks {

    public static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    public Hooks hooks() {
        return new Hooks(
                Ticker.systemTicker(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                sleeps::add,
                () -> "id-" + ids.incrementAndGet());
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
