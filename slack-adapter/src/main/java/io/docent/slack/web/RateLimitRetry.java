package io.docent.slack.web;

import com.slack.api.methods.SlackApiException;
import io.docent.core.DocentException;
import io.docent.core.Sleeper;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Web API call, and when Slack answers HTTP 429 waits for its {@code Retry-After} and tries again, up to
 * {@code maxAttempts} calls in all. Bolt's synchronous client does not retry by itself: it throws a
 * {@link SlackApiException} with the 429 response. Only 429s are retried: Slack did not process those calls, so a
 * retry cannot post a message twice, whereas a timed-out {@code chat.postMessage} may well have been posted.
 *
 * <p>Failures become {@link DocentException}s: {@link DocentException.RateLimited} when the attempts run out,
 * {@link DocentException.Retriable} for network errors, plain {@link DocentException} for other HTTP errors.
 */
public final class RateLimitRetry {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(RateLimitRetry.class);

    private final Sleeper sleeper;
    private final int maxAttempts;
    private final Duration maxWait;

    public RateLimitRetry(Sleeper sleeper, int maxAttempts, Duration maxWait) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        this.sleeper = sleeper;
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
    }

    public RateLimitRetry(Sleeper sleeper) {
        this(sleeper, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_WAIT);
    }

    /**
     * The same policy with one attempt: a 429 throws {@link DocentException.RateLimited} at once (with Slack's
     * {@code Retry-After}), for calls that are better skipped than waited for, such as a streamed answer's interim
     * updates (the next one carries their text).
     */
    public RateLimitRetry once() {
        return new RateLimitRetry(sleeper, 1, maxWait);
    }

    /** A Web API call as Bolt's client makes it. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    public <T> T call(String method, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status != 429) {
                    throw new DocentException("Slack " + method + " failed with HTTP " + status, e);
                }
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                if (attempt >= maxAttempts) {
                    throw new DocentException.RateLimited(
                            "Slack " + method + " is rate-limited (gave up after " + attempt + " attempts)",
                            wait.toMillis(),
                            e);
                }
                log.info("Slack {} rate-limited; retrying in {} ms", method, wait.toMillis());
                pause(method, wait);
            } catch (IOException e) {
                throw new DocentException.Retriable("Slack " + method + " failed: " + e.getMessage(), e);
            }
        }
    }

    private void pause(String method, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocentException.Retriable("interrupted while waiting to retry Slack " + method, e);
        }
    }

    Duration retryAfter(String header) {
        long seconds = 1;
        if (header != null) {
            try {
                seconds = Math.max(0, Long.parseLong(header.strip()));
            } catch (NumberFormatException e) {
                seconds = 1;
            }
        }
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
