package io.docent.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void runs_the_checks_at_most_once_per_ttl_and_names_every_problem() {
        var clock = new AtomicLong();
        var runs = new AtomicInteger();
        var index = new AtomicReference<>(Optional.of("index: locked"));
        var readiness = new Readiness(
                List.of(
                        () -> {
                            runs.incrementAndGet();
                            return index.get();
                        },
                        () -> Optional.of("Azure OpenAI, chat: connection refused")),
                Duration.ofSeconds(5),
                clock::get);

        assertThat(readiness.status().ready()).isFalse();
        assertThat(readiness.status().problems())
                .containsExactly("index: locked", "Azure OpenAI, chat: connection refused");
        assertThat(runs.get()).isEqualTo(1);

        index.set(Optional.empty());
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(readiness.status().problems()).containsExactly("Azure OpenAI, chat: connection refused");
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void a_degraded_part_is_reported_to_the_operator_and_leaves_the_service_ready() throws Exception {
        var readiness = new Readiness(
                List.of(Optional::empty),
                List.of(() -> Optional.of("redis: Redis at redis://cache:6379 is not connected")),
                Duration.ZERO);

        Readiness.Status status = readiness.status();
        assertThat(status.ready()).isTrue();
        assertThat(status.problems()).isEmpty();
        assertThat(status.degraded()).containsExactly("redis: Redis at redis://cache:6379 is not connected");
        try (var server = DocentServer.bind("127.0.0.1", 0)) {
            server.route("/readyz", readiness.handler(exchange -> true));
            server.route("/readyz-public", readiness.handler(exchange -> false));
            server.start();
            var http = java.net.http.HttpClient.newHttpClient();
            var operator = http.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/readyz"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var anyone = http.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/readyz-public"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(operator.statusCode()).isEqualTo(200);
            assertThat(operator.body())
                    .isEqualTo("ready\ndegraded: redis: Redis at redis://cache:6379 is not connected\n");
            assertThat(anyone.statusCode()).isEqualTo(200);
            assertThat(anyone.body()).isEqualTo("ready\n");
        }
    }

    @Test
    void a_check_that_throws_is_a_problem_without_its_message() {
        var readiness = new Readiness(
                List.of(() -> {
                    throw new IllegalStateException("secret-value-xyz");
                }),
                Duration.ZERO);
        Readiness.Status status = readiness.status();
        assertThat(status.ready()).isFalse();
        assertThat(String.join(" ", status.problems())).doesNotContain("secret-value-xyz");
    }

    @Test
    void ready_when_every_check_passes_and_invalidate_checks_again() {
        var runs = new AtomicInteger();
        var readiness = new Readiness(
                List.of(() -> {
                    runs.incrementAndGet();
                    return Optional.empty();
                }),
                Duration.ofHours(1));
        assertThat(readiness.status().ready()).isTrue();
        readiness.status();
        readiness.invalidate();
        readiness.status();
        assertThat(runs.get()).isEqualTo(2);
    }
}
