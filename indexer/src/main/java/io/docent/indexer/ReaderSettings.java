package io.docent.indexer;

import java.time.Duration;

/**
 * The checks the export readers' builders share ({@code --base-url}, size caps, parse timeouts), so that every
 * reader accepts and refuses the same values with the same message.
 */
public final class ReaderSettings {

    private ReaderSettings() {}

    /** A {@code --base-url} as given: blank means none ({@code null}), otherwise stripped. */
    public static String baseUrl(String baseUrl) {
        return baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
    }

    /**
     * Refuses a base URL that is not absolute ({@code scheme://...}); {@code null} (none) passes.
     *
     * @throws IllegalArgumentException naming the value
     */
    public static void requireAbsolute(String baseUrl) {
        if (baseUrl != null && !baseUrl.matches("(?i)^[a-z][a-z0-9+.-]*://.+")) {
            throw new IllegalArgumentException(
                    "baseUrl must be an absolute URL such as https://wiki.example.com/, was " + baseUrl);
        }
    }

    /**
     * {@code value} when it is at least 1.
     *
     * @throws IllegalArgumentException naming the setting otherwise
     */
    public static long positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
        return value;
    }

    /**
     * {@code timeout} when it is longer than zero.
     *
     * @throws IllegalArgumentException naming the setting otherwise (also for {@code null})
     */
    public static Duration positive(Duration timeout, String name) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + timeout);
        }
        return timeout;
    }
}
