package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Access cases beside {@link WebAccessTest}: a rotated secret ends sessions, the cookie is {@code Secure} behind
 * HTTPS, and a local browser on another site cannot post. Real server on 127.0.0.1; whether the client counts as
 * local is injected.
 */
class WebChatAccessTest {

    static final String SECRET = "correct-horse-battery-staple-42";

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicBoolean local = new AtomicBoolean(false);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private DocentServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private void start(Map<String, String> settings) {
        server = DocentServer.bind("127.0.0.1", 0);
        Predicate<InetSocketAddress> isLocal = a -> local.get();
        WebChat.from(Settings.of(settings), isLocal, clock).mount(server, WebChatTest::sampleAnswer);
        server.start();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder chat() {
        return chat("/api/chat");
    }

    private HttpRequest.Builder chat(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"vpn\"}"));
    }

    private HttpRequest.Builder page(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base() + pathAndQuery));
    }

    private HttpResponse<String> login(String key) throws Exception {
        return send(page("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "key=" + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8))));
    }

    private static String cookieOf(HttpResponse<String> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void the_cookie_is_secure_behind_https() throws Exception {
        start(Map.of("DOCENT_WEB_SECRET", SECRET));

        var right = send(page("/login")
                .header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + SECRET)));

        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    }

    @Test
    void the_session_ends_after_twelve_hours_and_when_the_secret_changes() throws Exception {
        start(Map.of("DOCENT_WEB_SECRET", SECRET));
        String cookie = cookieOf(login(SECRET));
        String origin = base();

        assertThat(send(chat().header("Cookie", cookie).header("Origin", origin))
                        .statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertThat(send(chat().header("Cookie", cookie).header("Origin", origin))
                        .statusCode())
                .isEqualTo(401);

        clock.advance(Duration.ofHours(-12));
        server.close();
        start(Map.of("DOCENT_WEB_SECRET", SECRET + "-rotated"));
        assertThat(send(page("/").header("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void the_streamed_api_lets_in_and_turns_away_exactly_whom_the_json_api_does() throws Exception {
        start(Map.of("DOCENT_WEB_SECRET", SECRET));
        for (String path : List.of("/api/chat", "/api/chat/stream")) {
            HttpRequest.Builder stranger = chat(path);
            HttpRequest.Builder withSecret = chat(path).header("Authorization", "Bearer " + SECRET);
            HttpRequest.Builder wrongSecret = chat(path).header("Authorization", "Bearer " + SECRET + "x");
            HttpRequest.Builder crossSite =
                    chat(path).header("Cookie", cookieOf(login(SECRET))).header("Origin", "http://evil.example");

            assertThat(send(stranger).statusCode()).as(path).isEqualTo(401);
            assertThat(send(wrongSecret).statusCode()).as(path).isEqualTo(401);
            assertThat(send(crossSite).statusCode()).as(path).isEqualTo(403);
            var allowed = send(withSecret);
            assertThat(allowed.statusCode()).as(path).isEqualTo(200);
            assertThat(allowed.body()).as(path).contains("\"asker\":\"anonymous\"");
        }
        local.set(true);
        assertThat(send(chat("/api/chat/stream")).body()).contains("\"asker\":\"administrator\"");
    }

    @Test
    void a_local_browser_on_another_site_cannot_post_to_the_api() throws Exception {
        local.set(true);
        start(Map.of());

        var crossSite = send(chat().header("Origin", "http://evil.example"));
        var curl = send(chat());

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(curl.statusCode()).isEqualTo(200);
    }
}
