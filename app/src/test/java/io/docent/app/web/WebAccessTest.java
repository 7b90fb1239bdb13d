package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import java.io.ByteArrayOutputStream;
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
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who gets in. The server listens on 127.0.0.1, so "this client is not local" is injected: the predicate the web
 * chat asks is the one thing replaced.
 */
class WebAccessTest {

    static final String SECRET = "correct-horse-battery-staple-42";

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicBoolean local = new AtomicBoolean(false);
    private Instant now = Instant.parse("2026-11-28T12:00:00Z");
    private DocentServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Map<String, String> settings) {
        Predicate<InetSocketAddress> isLocal = a -> local.get() && WebAccess.isLoopback(a);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        server = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(settings), isLocal, clock).mount(server, q -> {
            answered.incrementAndGet();
            return WebChatTest.sampleAnswer(q);
        });
        server.start();
    }

    private Map<String, String> withSecret() {
        return Map.of("DOCENT_WEB_SECRET", SECRET);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder chat(String... headers) {
        var builder = request("/api/chat")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"vpn\"}"));
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void loopback_clients_are_served_without_a_secret() throws Exception {
        local.set(true);
        start(Map.of());

        assertThat(send(request("/")).statusCode()).isEqualTo(200);
        assertThat(send(chat()).statusCode()).isEqualTo(200);
        assertThat(send(chat("Origin", origin())).statusCode()).isEqualTo(200);
        assertThat(answered).hasValue(2);
    }

    @Test
    void other_clients_without_a_configured_secret_get_403_saying_how_to_enable_access() throws Exception {
        start(Map.of());

        var page = send(request("/"));
        var api = send(chat());

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("DOCENT_WEB_SECRET").contains("DOCENT_WEB_TRUST_EASY_AUTH");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("DOCENT_WEB_SECRET");
        assertThat(answered).hasValue(0);
    }

    @Test
    void a_bearer_secret_opens_the_api_and_a_wrong_one_gets_401() throws Exception {
        start(withSecret());

        var right = send(chat("Authorization", "Bearer " + SECRET));
        var wrong = send(chat("Authorization", "Bearer " + SECRET + "x"));
        var none = send(chat());

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"docent\"");
        assertThat(wrong.body()).doesNotContain(SECRET);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(answered).hasValue(1);
    }

    @Test
    void the_page_asks_for_the_key_and_the_form_exchanges_it_for_an_http_only_strict_cookie() throws Exception {
        start(withSecret());

        var form = send(request("/"));
        var wrong = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=nope")));
        var signIn = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + SECRET)));

        assertThat(form.statusCode()).isEqualTo(401);
        assertThat(form.body()).contains("<form method=\"post\" action=\"/login\">");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("That key is not right.");
        var crossSite = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + SECRET)));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/");
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith(WebAccess.COOKIE + "=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .doesNotContain(SECRET);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        var page = send(request("/").header("Cookie", cookie));
        var api = send(chat("Cookie", cookie, "Origin", origin()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"conversation\"");
        assertThat(api.statusCode()).isEqualTo(200);
    }

    @Test
    void a_key_in_the_url_never_signs_in_and_the_form_says_to_type_it() throws Exception {
        start(withSecret());

        var page = send(request("/?key=" + SECRET));
        var login = send(request("/login?key=" + SECRET));
        var api = send(chat().uri(URI.create(origin() + "/api/chat?key=" + SECRET)));

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(page.body()).contains("A key in the address is not accepted").doesNotContain(SECRET);
        assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(answered).hasValue(0);
    }

    @Test
    void cookie_requests_to_the_api_must_come_from_the_page_itself() throws Exception {
        start(withSecret());
        String cookie = cookie();

        var crossSite = send(chat("Cookie", cookie, "Origin", "https://evil.example"));
        var noOrigin = send(chat("Cookie", cookie));
        var sameSite = send(chat("Cookie", cookie, "Origin", origin()));

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("cross-origin");
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(sameSite.statusCode()).isEqualTo(200);
        assertThat(answered).hasValue(1);
    }

    @Test
    void a_session_ends_after_twelve_hours_and_a_forged_one_is_refused() throws Exception {
        start(withSecret());
        String cookie = cookie();
        String forged = WebAccess.COOKIE + "=9999999999.AAAA";

        assertThat(send(request("/").header("Cookie", forged)).statusCode()).isEqualTo(401);
        now = now.plus(Duration.ofHours(11));
        assertThat(send(request("/").header("Cookie", cookie)).statusCode()).isEqualTo(200);
        now = now.plus(Duration.ofHours(2));
        assertThat(send(request("/").header("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void easy_auth_header_is_trusted_only_when_configured() throws Exception {
        String name = EasyAuthPrincipal.PRINCIPAL_NAME;
        start(Map.of());
        var untrusted = send(chat(name, "mallory@example.com", "Origin", origin()));
        server.close();

        start(Map.of("DOCENT_WEB_TRUST_EASY_AUTH", "true", "DOCENT_WEB_TENANT_ID", "tenant-1"));
        var trusted = send(chat(name, "alice@example.com", "Origin", origin()));
        var trustedPage = send(request("/").header(name, "alice@example.com"));
        var withoutHeader = send(chat("Origin", origin()));

        assertThat(untrusted.statusCode()).isEqualTo(403);
        assertThat(trusted.statusCode()).isEqualTo(200);
        assertThat(trustedPage.statusCode()).isEqualTo(200);
        assertThat(withoutHeader.statusCode()).isEqualTo(403);
    }

    @Test
    void loopback_can_be_switched_off_for_a_proxy_on_the_same_host() throws Exception {
        local.set(true);
        start(Map.of("DOCENT_WEB_LOOPBACK", "false", "DOCENT_WEB_SECRET", SECRET));

        assertThat(send(chat()).statusCode()).isEqualTo(401);
        assertThat(send(chat("Authorization", "Bearer " + SECRET)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_loopback_client_calling_us_by_another_name_is_refused() throws Exception {
        local.set(true);
        start(Map.of());

        // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 (the JDK client cannot set Host)
        String response =
                raw("GET / HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n");
        String local = raw("GET / HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 403").contains("localhost");
        assertThat(local).startsWith("HTTP/1.1 200");
    }

    @Test
    void a_loopback_client_under_a_public_name_signs_in_when_a_secret_is_configured() throws Exception {
        local.set(true);
        start(withSecret());

        // a reverse proxy on this host that passes the public Host on
        String response = raw("GET / HTTP/1.1\r\nHost: docent.example.com\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 401").contains("action=\"/login\"");
    }

    @Test
    void the_secret_never_reaches_the_responses() throws Exception {
        start(withSecret());
        Map<String, String> seen = new HashMap<>();
        seen.put("page", send(request("/")).body());
        seen.put("api", send(chat("Authorization", "Bearer wrong")).body());
        seen.put("login", send(request("/login")).body());

        assertThat(seen.values()).isNotEmpty().allSatisfy(body -> assertThat(body)
                .doesNotContain(SECRET));
    }

    private String cookie() throws Exception {
        var signIn = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + SECRET)));
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            var buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
