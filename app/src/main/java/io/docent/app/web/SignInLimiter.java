package io.docent.app.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Wrong keys allowed per client address: {@code maxFailures} in a window of {@code window}, counted from the first
 * failure; past that every sign-in from the address (the form and {@code Authorization: Bearer}, a right key
 * included) is refused with 429 until the window ends, so that guessing the secret costs a minute per few tries.
 *
 * <p>Only failures count: a person or a script with the right key is never slowed down. The address is the TCP peer,
 * never {@code X-Forwarded-For} (which a client can write); behind a reverse proxy every client shares the proxy's
 * address and so its budget, which errs on the side of refusing. Windows live in a Caffeine cache that forgets them
 * once they end, bounded so that many addresses cannot grow it without end; time comes from the injected
 * {@link Ticker}.
 */
final class SignInLimiter {

    static final int DEFAULT_MAX_FAILURES = 5;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    /** Failures of one address since {@code startNanos}. */
    private record Window(long startNanos, int failures) {}

    private final int maxFailures;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    SignInLimiter(int maxFailures, Duration window, Ticker ticker) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.windows = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .ticker(ticker)
                .build();
    }

    SignInLimiter(Ticker ticker) {
        this(DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, ticker);
    }

    /** How long {@code address} must wait before it may try again, or empty when it may try now. */
    Optional<Duration> blockedFor(String address) {
        Window w = current(address);
        if (w == null || w.failures() < maxFailures) {
            return Optional.empty();
        }
        long left = w.startNanos() + windowNanos - ticker.read();
        return Optional.of(Duration.ofNanos(Math.max(left, 1)));
    }

    /** Counts a wrong key from {@code address}. */
    void failed(String address) {
        long now = ticker.read();
        windows.asMap()
                .compute(
                        address,
                        (key, w) -> w == null || now - w.startNanos() >= windowNanos
                                ? new Window(now, 1)
                                : new Window(w.startNanos(), w.failures() + 1));
    }

    private Window current(String address) {
        Window w = windows.getIfPresent(address);
        return w == null || ticker.read() - w.startNanos() >= windowNanos ? null : w;
    }

    /** Whole seconds for a {@code Retry-After} header, at least 1. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
