package io.docent.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.Sleeper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Time, waiting and randomness of the Slack adapter, injected so tests control them.
 *
 * @param ticker drives the caches' expiry (dedupe, threads, user names)
 * @param clock timestamps feedback records
 * @param sleeper waits before retrying a rate-limited call
 * @param ids new reference ids (shown to people with a failure, and logged) and answer ids
 */
public record Hooks(Ticker ticker, Clock clock, Sleeper sleeper, Supplier<String> ids) {

    public Hooks {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(ids, "ids");
    }

    /** The real ones: system time, real sleeps, random 8-hex-digit ids. */
    public static Hooks system() {
        SecureRandom random = new SecureRandom();
        return new Hooks(Ticker.systemTicker(), Clock.systemUTC(), Sleeper.SYSTEM, () -> {
            byte[] bytes = new byte[4];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
    }
}
