package io.docent.core.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpResponse;
import io.docent.core.DocentException;
import io.docent.core.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Retries a call to an Azure service when the service says "later": HTTP 429 and 503 (and the other transient 5xx
 * statuses), and a connection that broke before an answer. The SDKs' own retry policies are switched off in favour
 * of this one, because theirs sleep on the calling thread with no way for a test to avoid it.
 *
 * <p>The wait honours the service: {@code retry-after-ms}, {@code x-ms-retry-after-ms} or {@code Retry-After}
 * (seconds or an HTTP date) when present; otherwise exponential back-off from {@code initialBackoff}, doubled per
 * attempt, capped at {@code maxBackoff}, with ±20% jitter so that many clients do not retry in step. A service that
 * asks for a longer wait than {@code maxBackoff} is not waited for: the failure is passed on at once, so the
 * caller (or its user) can decide. Timeouts are not retried: a slow service is reported, not hammered.
 */
final class Retrier {

    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    private static final Set<Integer> TRANSIENT = Set.of(408, 429, 500, 502, 503, 504);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private final Clock clock;

    Retrier(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    static Retrier withDefaults(Sleeper sleeper) {
        return new Retrier(
                DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, sleeper, Clock.systemUTC());
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** Runs {@code call}, retrying transient failures; the last failure is rethrown as it was. */
    <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !isTransient(e)) {
                    throw e;
                }
                Duration wait = waitBefore(attempt + 1, e);
                if (wait.compareTo(maxBackoff) > 0) {
                    throw e;
                }
                pause(wait, e);
            }
        }
    }

    /** Waits the back-off before {@code nextAttempt} (2 for the first retry), for callers that retry themselves. */
    void backOff(int nextAttempt) {
        pause(backoff(nextAttempt), null);
    }

    Duration waitBefore(int nextAttempt, Throwable failure) {
        Duration asked = retryAfter(failure, clock);
        return asked != null ? asked : backoff(nextAttempt);
    }

    private Duration backoff(int nextAttempt) {
        long base = initialBackoff.toMillis() << Math.min(nextAttempt - 2, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.min((long) (capped * jitter), maxBackoff.toMillis()));
    }

    private void pause(Duration wait, RuntimeException failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            DocentException e = new DocentException.Retriable("interrupted while waiting to retry", interrupted);
            if (failure != null) {
                e.addSuppressed(failure);
            }
            throw e;
        }
    }

    /** Whether trying again later can help: a transient HTTP status, or a connection that broke (not a timeout). */
    static boolean isTransient(Throwable e) {
        if (e instanceof DocentException docent) {
            return docent.isRetriable() && !(docent instanceof DocentException.TimedOut);
        }
        if (e instanceof HttpResponseException http && http.getResponse() != null) {
            return TRANSIENT.contains(http.getResponse().getStatusCode());
        }
        return AzureFailures.causeOf(e, IOException.class) != null && !isTimeout(e);
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException
                    || c instanceof java.net.SocketTimeoutException
                    || c instanceof java.net.http.HttpTimeoutException
                    || c.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** The wait a failed response asked for, or {@code null} if it did not ask. */
    static Duration retryAfter(Throwable failure, Clock clock) {
        HttpResponse response = failure instanceof HttpResponseException http ? http.getResponse() : null;
        if (response == null) {
            return null;
        }
        HttpHeaders headers = response.getHeaders();
        for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            String value = headers.getValue(name);
            if (value != null) {
                try {
                    return Duration.ofMillis(Math.max(0, Long.parseLong(value.strip())));
                } catch (NumberFormatException ignored) {
                    // fall through to the next header
                }
            }
        }
        return parseRetryAfter(headers.getValue("Retry-After"), clock);
    }

    /** {@code Retry-After}: delay-seconds, or an HTTP date (RFC 9110 section 10.2.3). */
    static Duration parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
