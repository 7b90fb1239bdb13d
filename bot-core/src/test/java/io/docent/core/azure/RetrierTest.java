package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RetrierTest {

    private final List<Duration> sleeps = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC);
    private final Retrier retrier = new Retrier(4, Duration.ofMillis(100), Duration.ofSeconds(10), sleeps::add, clock);

    @Test
    void retry_after_is_read_as_seconds_or_an_http_date() {
        assertThat(Retrier.parseRetryAfter("12", clock)).isEqualTo(Duration.ofSeconds(12));
        assertThat(Retrier.parseRetryAfter("Wed, 01 Jan 2025 12:00:30 GMT", clock))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(Retrier.parseRetryAfter("Wed, 01 Jan 2025 11:00:00 GMT", clock))
                .isEqualTo(Duration.ZERO);
        assertThat(Retrier.parseRetryAfter("soon", clock)).isNull();
    }

    @Test
    void millisecond_headers_win_over_retry_after() {
        var e = failure(429, Map.of("retry-after-ms", "250", "Retry-After", "9"));

        assertThat(Retrier.retryAfter(e, clock)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void transient_failures_are_retried_until_success() {
        AtomicInteger calls = new AtomicInteger();

        String result = retrier.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw failure(503, Map.of());
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(80), Duration.ofMillis(120));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
    }

    @Test
    void bad_requests_and_timeouts_are_not_retried() {
        assertThatThrownBy(() -> retrier.call(() -> {
                    throw failure(400, Map.of());
                }))
                .isInstanceOf(HttpResponseException.class);
        assertThatThrownBy(() -> retrier.call(() -> {
                    throw new RuntimeException(new TimeoutException("slow"));
                }))
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void broken_connections_are_retried_up_to_the_limit() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrier.call(() -> {
                    calls.incrementAndGet();
                    throw new UncheckedIOException(new IOException("connection reset"));
                }))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(calls).hasValue(4);
    }

    static HttpResponseException failure(int status, Map<String, String> headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        headers.forEach(httpHeaders::set);
        HttpRequest request = new HttpRequest(HttpMethod.GET, "https://example.search.windows.net/");
        HttpResponse response = new HttpResponse(request) {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            @Deprecated
            public String getHeaderValue(String name) {
                return httpHeaders.getValue(name);
            }

            @Override
            public HttpHeaders getHeaders() {
                return httpHeaders;
            }

            @Override
            public Flux<ByteBuffer> getBody() {
                return Flux.empty();
            }

            @Override
            public Mono<byte[]> getBodyAsByteArray() {
                return Mono.empty();
            }

            @Override
            public Mono<String> getBodyAsString() {
                return Mono.empty();
            }

            @Override
            public Mono<String> getBodyAsString(Charset charset) {
                return Mono.empty();
            }
        };
        return new HttpResponseException("HTTP " + status, response);
    }
}
