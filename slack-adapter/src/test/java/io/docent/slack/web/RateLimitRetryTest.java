package io.docent.slack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.SlackApiException;
import io.docent.core.DocentException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class RateLimitRetryTest {

    private final List<Duration> sleeps = new ArrayList<>();
    private final RateLimitRetry retry = new RateLimitRetry(sleeps::add, 3, Duration.ofSeconds(30));

    private static SlackApiException status(int code, String retryAfter) {
        var response = new Response.Builder()
                .request(new Request.Builder()
                        .url("http://127.0.0.1/api/chat.postMessage")
                        .build())
                .protocol(Protocol.HTTP_1_1)
                .code(code)
                .message("status " + code)
                .body(ResponseBody.create(
                        "{\"ok\":false,\"error\":\"ratelimited\"}", MediaType.get("application/json")));
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return new SlackApiException(response.build(), "{\"ok\":false,\"error\":\"ratelimited\"}");
    }

    @Test
    void waits_for_retry_after_and_tries_again() {
        AtomicInteger calls = new AtomicInteger();

        String result = retry.call("chat.postMessage", () -> {
            if (calls.incrementAndGet() == 1) {
                throw status(429, "3");
            }
            return "posted";
        });

        assertThat(result).isEqualTo("posted");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void once_gives_up_at_the_first_429_with_slacks_retry_after_and_without_waiting() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retry.once().call("chat.appendStream", () -> {
                    calls.incrementAndGet();
                    throw status(429, "7");
                }))
                .isInstanceOfSatisfying(DocentException.RateLimited.class, e -> assertThat(e.retryAfterMillis())
                        .isEqualTo(7_000));
        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void gives_up_rate_limited_after_the_last_attempt() {
        assertThatThrownBy(() -> retry.call("chat.postMessage", () -> {
                    throw status(429, "1");
                }))
                .isInstanceOf(DocentException.RateLimited.class)
                .hasMessageContaining("chat.postMessage");
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void waits_a_second_without_retry_after_and_never_longer_than_the_cap() {
        assertThat(retry.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.retryAfter("600")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void does_not_retry_other_failures() {
        assertThatThrownBy(() -> retry.call("chat.postMessage", () -> {
                    throw status(500, null);
                }))
                .isInstanceOf(DocentException.class)
                .isNotInstanceOf(DocentException.Retriable.class);
        assertThatThrownBy(() -> retry.call("chat.postMessage", () -> {
                    throw new IOException("connection reset");
                }))
                .isInstanceOf(DocentException.Retriable.class);
        assertThat(sleeps).isEmpty();
    }
}
