package io.docent.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.feedback.FeedbackRecorder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamsWiringTest {

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Answerer answerer = question -> new Answer(
            "Answer to " + question.text() + " [1]",
            List.of(new io.docent.core.Citation(1, "Doc", "https://wiki/doc", "snippet")),
            Answer.Status.ANSWERED,
            question.text(),
            List.of(),
            Map.of());

    private Settings settings(Map<String, String> values) {
        var all = new java.util.HashMap<>(values);
        all.put("DOCENT_HOME", home.toString());
        return Settings.of(all);
    }

    private HttpResponse<String> post(int port, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String personalMessage(String serviceUrl) {
        return """
                {"type":"message","id":"1741080000001","timestamp":"2025-03-04T09:15:30Z","serviceUrl":"%s",
                 "channelId":"msteams","from":{"id":"29:user","name":"Megan"},
                 "conversation":{"conversationType":"personal","id":"a:chat-1"},
                 "recipient":{"id":"28:bot","name":"Docent"},"text":"How do I get VPN access?"}
                """.formatted(serviceUrl);
    }

    @Test
    void teams_is_off_without_an_app_id_or_insecure_local() {
        TeamsWiring teams = TeamsWiring.from(settings(Map.of()));

        assertThat(teams.enabled()).isFalse();
        assertThat(teams.bindHost("0.0.0.0")).isEqualTo("0.0.0.0");
    }

    @Test
    void a_wrong_teams_setting_stops_start_up_with_its_name() {
        assertThatThrownBy(() -> TeamsWiring.from(settings(Map.of("MicrosoftAppId", "app"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MicrosoftAppPassword");
        assertThatThrownBy(() -> TeamsWiring.from(settings(
                        Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "s", "MicrosoftAppType", "x"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MicrosoftAppType");
        assertThatThrownBy(() -> TeamsWiring.from(settings(Map.of(
                        "MicrosoftAppId", "app", "MicrosoftAppPassword", "s", "DOCENT_SCOPE_FILE", "/no/such.json"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_SCOPE_FILE");
    }

    @Test
    void one_scope_file_with_slack_sections_and_teams_grants_serves_teams() throws Exception {
        Path scopes = java.nio.file.Files.writeString(home.resolve("scopes.json"), """
                {"default": {"sources": ["handbook"]},
                 "channels": {"C0123ABCD": {"sources": ["eng"], "accessGroups": ["eng"]}},
                 "slack": {"whatever": "Slack reads"},
                 "teams": {"channels": {"19:hr@thread.tacv2": {"accessGroups": ["group:hr"]}}}}
                """);

        TeamsWiring teams = TeamsWiring.from(settings(
                Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "s", "DOCENT_SCOPE_FILE", scopes.toString())));

        assertThat(teams.enabled()).isTrue();
    }

    @Test
    void a_malformed_teams_entry_in_the_scope_file_stops_start_up_naming_the_file_and_entry() throws Exception {
        Path scopes = java.nio.file.Files.writeString(
                home.resolve("scopes.json"),
                "{\"teams\": {\"channels\": {\"19:hr@thread.tacv2\": {\"accessGroups\": \"group:hr\"}}}}");

        assertThatThrownBy(() -> TeamsWiring.from(settings(Map.of(
                        "MicrosoftAppId", "app", "MicrosoftAppPassword", "s", "DOCENT_SCOPE_FILE", scopes.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_SCOPE_FILE")
                .hasMessageContaining(scopes.toString())
                .hasMessageContaining("teams.channels.19:hr@thread.tacv2.accessGroups");
    }

    @Test
    void trusted_callers_are_read_from_their_setting() {
        Settings settings = settings(Map.of(
                "MicrosoftAppId", "6c7c1b5e-1f2d-4c1a-9b7e-2d5f0a3c4b11",
                "MicrosoftAppPassword", "secret",
                "MicrosoftAppTenantId", "0d3f6a7e-5b1c-4e2a-9c8d-7f6e5d4c3b2a",
                "DOCENT_TEAMS_TRUSTED_CALLERS", " caller-a , caller-b,"));

        assertThat(TeamsWiring.from(settings).settings().trustedCallers())
                .containsExactlyInAnyOrder("caller-a", "caller-b");
    }

    @Test
    void without_authentication_docent_listens_on_localhost_only() {
        TeamsWiring local = TeamsWiring.from(settings(Map.of("DOCENT_TEAMS_INSECURE_LOCAL", "true")));
        TeamsWiring exposed =
                TeamsWiring.from(settings(Map.of("DOCENT_TEAMS_INSECURE_LOCAL", "true", "DOCENT_BIND", "0.0.0.0")));

        assertThat(local.bindHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> exposed.bindHost("0.0.0.0"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_BIND");
    }

    @Test
    void with_credentials_the_mounted_endpoint_refuses_unauthenticated_requests() throws Exception {
        Settings settings = settings(Map.of(
                "MicrosoftAppId", "6c7c1b5e-1f2d-4c1a-9b7e-2d5f0a3c4b11",
                "MicrosoftAppPassword", "secret",
                "MicrosoftAppTenantId", "0d3f6a7e-5b1c-4e2a-9c8d-7f6e5d4c3b2a"));
        try (TeamsWiring teams = TeamsWiring.from(settings);
                DocentServer server = DocentServer.bind(teams.bindHost("127.0.0.1"), 0)) {
            teams.mount(server, answerer, FeedbackRecorder.discarding(), SharedState.local());
            server.start();

            assertThat(post(server.port(), personalMessage("https://smba.trafficmanager.net/emea/"), null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(post(server.port(), personalMessage("https://smba.trafficmanager.net/emea/"), "Bearer x.y.z")
                            .statusCode())
                    .isEqualTo(401);
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void insecure_local_answers_through_the_connector_at_the_service_url() throws Exception {
        BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        HttpServer connector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        connector.createContext("/", exchange -> {
            try (exchange) {
                if ("GET".equals(exchange.getRequestMethod())) {
                    // who asks: the Emulator's connector knows no Teams members, so the asker is anonymous
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                sent.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] ok = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        connector.start();
        String serviceUrl = "http://127.0.0.1:" + connector.getAddress().getPort() + "/";
        try (TeamsWiring teams = TeamsWiring.from(settings(Map.of("DOCENT_TEAMS_INSECURE_LOCAL", "true")));
                DocentServer server = DocentServer.bind(teams.bindHost("0.0.0.0"), 0)) {
            teams.mount(server, answerer, FeedbackRecorder.discarding(), SharedState.local());
            server.start();

            assertThat(post(server.port(), personalMessage(serviceUrl), null).statusCode())
                    .isEqualTo(202);

            String first = sent.poll(10, TimeUnit.SECONDS);
            String second = sent.poll(10, TimeUnit.SECONDS);
            assertThat(first).contains("\"type\":\"typing\"");
            assertThat(second).contains("Answer to How do I get VPN access? [1]");
        } finally {
            connector.stop(0);
        }
    }
}
