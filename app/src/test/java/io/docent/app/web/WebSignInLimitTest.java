package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wrong keys are limited per client address, on the form and on the API; time is a fake ticker. */
class WebSignInLimitTest {

    static final String SECRET = "correct-horse-battery-staple-42";

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final SignInLimiterTest.FakeTicker ticker = new SignInLimiterTest.FakeTicker();
    private DocentServer server;

    @BeforeEach
    void start() {
        server = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(Map.of("DOCENT_WEB_SECRET", SECRET)), a -> false, Clock.systemUTC(), ticker)
                .mount(server, WebChatTest::sampleAnswer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> login(String key) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("key=" + key))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> bearer(String key) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/chat"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"vpn\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void five_wrong_keys_a_minute_then_429_with_retry_after_even_for_the_right_key() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(login("guess-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(bearer("guess-3").statusCode()).isEqualTo(401);
        assertThat(bearer("guess-4").statusCode()).isEqualTo(401);
        ticker.advance(Duration.ofSeconds(20));

        var form = login(SECRET);
        var api = bearer(SECRET);

        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.headers().firstValue("Retry-After")).hasValue("40");
        assertThat(form.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(form.body()).contains("Too many wrong keys");
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Retry-After")).hasValue("40");

        ticker.advance(Duration.ofSeconds(40));
        assertThat(login(SECRET).statusCode()).isEqualTo(303);
        assertThat(bearer(SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void the_right_key_is_never_slowed_down() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(bearer(SECRET).statusCode()).isEqualTo(200);
        }
        assertThat(login(SECRET).statusCode()).isEqualTo(303);
    }
}
