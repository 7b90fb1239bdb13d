package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who gets in, on a real server on 127.0.0.1. Whether the client counts as local is injected, so that the
 * non-loopback paths are tested with the same sockets.
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
        return HttpRequest.newBuilder(URI.create(base() + "/api/chat"))
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
    void a_local_client_needs_no_secret() throws Exception {
        local.set(true);
        start(Map.of());

        assertThat(send(page("/")).statusCode()).isEqualTo(200);
        assertThat(send(chat()).statusCode()).isEqualTo(200);
    }

    @Test
    void without_a_secret_other_clients_get_403_saying_how_to_open_it() throws Exception {
        start(Map.of());

        var pageResponse = send(page("/"));
        var api = send(chat());
        var keyed = send(page("/?key=" + SECRET));

        assertThat(pageResponse.statusCode()).isEqualTo(403);
        assertThat(pageResponse.body()).contains("DOCENT_WEB_SECRET").contains("DOCENT_WEB_TRUST_EASY_AUTH");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(ChatJson.MAPPER.readTree(api.body()).path("error").asText()).contains("DOCENT_WEB_SECRET");
        assertThat(keyed.statusCode()).isEqualTo(403);
        assertThat(send(page("/webchat.js")).statusCode()).isEqualTo(403);
    }

    @Test
    void with_a_secret_the_api_takes_a_bearer_token_and_nothing_else() throws Exception {
        start(Map.of("DOCENT_WEB_SECRET", SECRET));

        var none = send(chat());
        var wrong = send(chat().header("Authorization", "Bearer " + SECRET + "x"));
        var right = send(chat().header("Authorization", "Bearer " + SECRET));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"docent\"");
        assertThat(none.body()).contains("Authorization: Bearer");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(SECRET);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(ChatJson.MAPPER.readTree(right.body()).path("status").asText())
                .isEqualTo("ANSWERED");
    }

    @Test
    void the_sign_in_form_exchanges_the_secret_for_an_http_only_same_site_strict_cookie() throws Exception {
        start(Map.of("DOCENT_WEB_SECRET", SECRET));

        var form = send(page("/"));
        var wrong = login("not-the-secret-at-all");
        var right = login(SECRET);

        assertThat(form.statusCode()).isEqualTo(401);
        assertThat(form.body()).contains("<form method=\"post\" action=\"/login\">");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("That key is not right.");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).hasValue("/");
        String setCookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith("docent_web=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/")
                .doesNotContain("Secure")
                .doesNotContain(SECRET);

        String cookie = cookieOf(right);
        assertThat(send(page("/").header("Cookie", cookie)).statusCode()).isEqualTo(200);
        assertThat(send(page("/webchat.js").header("Cookie", cookie)).statusCode())
                .isEqualTo(200);
        var forged = cookie.substring(0, cookie.length() - 2) + "AA";
        assertThat(send(page("/").header("Cookie", forged)).statusCode()).isEqualTo(401);
    }

    @Test
    void the_key_in_the_url_also_signs_in_and_the_cookie_is_secure_behind_https() throws Exception {
        start(Map.of("DOCENT_WEB_SECRET", SECRET));

        var right = send(page("/?key=" + SECRET).header("X-Forwarded-Proto", "https"));
        var wrong = send(page("/?key=nope"));

        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
        assertThat(wrong.statusCode()).isEqualTo(401);
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
    void cookie_requests_to_the_api_must_come_from_the_page_itself() throws Exception {
        start(Map.of("DOCENT_WEB_SECRET", SECRET));
        String cookie = cookieOf(login(SECRET));

        var sameOrigin = send(chat().header("Cookie", cookie).header("Origin", base()));
        var crossSite = send(chat().header("Cookie", cookie).header("Origin", "https://evil.example"));
        var noOrigin = send(chat().header("Cookie", cookie));

        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("cross-origin requests are refused");
        assertThat(noOrigin.statusCode()).isEqualTo(403);
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

    @Test
    void a_local_client_using_a_foreign_host_name_is_refused_against_dns_rebinding() throws Exception {
        local.set(true);
        start(Map.of());

        // java.net.http does not let a request set Host, so this one is written by hand
        String response = rawGet("/", "rebind.evil.example:" + server.port());

        assertThat(response).startsWith("HTTP/1.1 403");
        assertThat(response).contains("Open the web chat as http://localhost");
        assertThat(rawGet("/", "localhost:" + server.port())).startsWith("HTTP/1.1 200");
    }

    @Test
    void loopback_can_be_turned_off_for_a_reverse_proxy_on_the_same_host() throws Exception {
        local.set(true);
        start(Map.of("DOCENT_WEB_LOOPBACK", "false", "DOCENT_WEB_SECRET", SECRET));

        assertThat(send(chat()).statusCode()).isEqualTo(401);
        assertThat(send(chat().header("Authorization", "Bearer " + SECRET)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_easy_auth_header_is_trusted_only_when_configured() throws Exception {
        var settings = new HashMap<String, String>();
        start(settings);
        var untrusted = send(page("/").header(WebAccess.EASY_AUTH_HEADER, "alice@example.com"));
        server.close();

        settings.put("DOCENT_WEB_TRUST_EASY_AUTH", "true");
        start(settings);
        var trustedPage = send(page("/").header(WebAccess.EASY_AUTH_HEADER, "alice@example.com"));
        var trustedApi = send(
                chat().header(WebAccess.EASY_AUTH_HEADER, "alice@example.com").header("Origin", base()));
        var crossSite = send(chat().header(WebAccess.EASY_AUTH_HEADER, "alice@example.com")
                .header("Origin", "https://evil.example"));
        var noHeader = send(page("/"));

        assertThat(untrusted.statusCode()).isEqualTo(403);
        assertThat(trustedPage.statusCode()).isEqualTo(200);
        assertThat(trustedApi.statusCode()).isEqualTo(200);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(noHeader.statusCode()).isEqualTo(403);
    }

    private String rawGet(String path, String host) throws Exception {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
