package io.docent.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.core.Answer;
import io.docent.core.DocentException;
import io.docent.core.feedback.FeedbackRecorder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackWiringTest {

    private static final String SECRET = "local-signing-secret";

    @TempDir
    Path home;

    private HttpServer slackApi;
    private volatile String authTest =
            "{\"ok\":true,\"user_id\":\"U0DOCENT\",\"bot_id\":\"B0DOCENT\",\"team_id\":\"T1\"}";

    @BeforeEach
    void startSlackApi() throws Exception {
        slackApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        slackApi.createContext("/api/auth.test", exchange -> {
            byte[] body = authTest.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slackApi.start();
    }

    @AfterEach
    void stopSlackApi() {
        slackApi.stop(0);
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_API_URL", "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void leaves_slack_off_without_a_bot_token() {
        assertThat(SlackWiring.settings(Settings.of(Map.of()))).isEmpty();
    }

    @Test
    void reads_every_slack_setting() throws Exception {
        Path scopes = Files.writeString(home.resolve("scopes.json"), "{}");
        var settings = SlackWiring.settings(Settings.of(env(
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_APP_TOKEN", "xapp-1",
                        "DOCENT_SLACK_FOLLOW_UPS", "false",
                        "DOCENT_SLACK_IGNORE_BOTS", "no",
                        "DOCENT_SLACK_MAX_MEMBERS_CHECKED", "50",
                        "DOCENT_SCOPE_FILE", scopes.toString())))
                .orElseThrow();

        assertThat(settings.socketMode()).isTrue();
        assertThat(settings.followUps()).isFalse();
        assertThat(settings.ignoreBots()).isFalse();
        assertThat(settings.maxMembersChecked()).isEqualTo(50);
        assertThat(settings.scopeFile()).isEqualTo(scopes);
        assertThat(settings.apiUrl().toString()).startsWith("http://127.0.0.1:");
    }

    @Test
    void requires_the_signing_secret_for_the_events_api() {
        assertThatThrownBy(() -> SlackWiring.settings(Settings.of(env("SLACK_BOT_TOKEN", "xoxb-1"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SLACK_SIGNING_SECRET");
    }

    @Test
    void names_a_bad_api_url_or_scope_file() {
        assertThatThrownBy(() -> SlackWiring.settings(Settings.of(Map.of(
                        "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1", "SLACK_API_URL", "slack.com"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SLACK_API_URL");
        assertThatThrownBy(() -> SlackWiring.settings(Settings.of(env(
                        "SLACK_BOT_TOKEN",
                        "xoxb-1",
                        "SLACK_APP_TOKEN",
                        "xapp-1",
                        "DOCENT_SCOPE_FILE",
                        "/nowhere/scopes.json"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_SCOPE_FILE");
    }

    @Test
    void names_a_malformed_scope_file_or_member_limit_before_starting() throws Exception {
        Path scopes = Files.writeString(
                home.resolve("scopes.json"), "{\"teams\":{},\"channels\":{\"C0HR\":{\"accessGroups\":\"hr\"}}}");

        assertThatThrownBy(() -> SlackWiring.settings(Settings.of(env(
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_APP_TOKEN", "xapp-1",
                        "DOCENT_SCOPE_FILE", scopes.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(scopes.toString())
                .hasMessageContaining("DOCENT_SCOPE_FILE");
        assertThatThrownBy(() -> SlackWiring.settings(Settings.of(env(
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_APP_TOKEN", "xapp-1",
                        "DOCENT_SLACK_MAX_MEMBERS_CHECKED", "-1"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_SLACK_MAX_MEMBERS_CHECKED");
    }

    @Test
    void starts_with_a_scope_file_that_also_holds_the_teams_section() throws Exception {
        Path scopes = Files.writeString(home.resolve("scopes.json"), """
                {
                  "default": { "sources": ["handbook"] },
                  "channels": { "C0HR": { "spaces": ["HR"], "accessGroups": ["group:hr"] } },
                  "teams": {
                    "default": { "sources": ["handbook", "it"] },
                    "channels": { "19:def@thread.tacv2": { "sources": ["it"], "accessGroups": ["it-staff"] } }
                  }
                }
                """);
        var settings = Settings.of(env(
                "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", SECRET, "DOCENT_SCOPE_FILE", scopes.toString()));

        try (DocentServer server = DocentServer.bind("127.0.0.1", 0);
                SlackWiring slack = SlackWiring.start(
                        settings,
                        q -> Answer.failed("unused"),
                        server,
                        FeedbackRecorder.discarding(),
                        SharedState.local(),
                        new PrintWriter(new StringWriter()))) {
            assertThat(slack.active()).isTrue();
        }
    }

    @Test
    void stops_start_up_when_slack_refuses_the_bot_token() {
        authTest = "{\"ok\":false,\"error\":\"invalid_auth\"}";
        var settings = Settings.of(env("SLACK_BOT_TOKEN", "xoxb-do-not-print", "SLACK_SIGNING_SECRET", SECRET));

        try (DocentServer server = DocentServer.bind("127.0.0.1", 0)) {
            assertThatThrownBy(() -> SlackWiring.start(
                            settings,
                            q -> Answer.failed("unused"),
                            server,
                            FeedbackRecorder.discarding(),
                            SharedState.local(),
                            new PrintWriter(new StringWriter())))
                    .isInstanceOf(DocentException.AuthenticationFailed.class)
                    .hasMessageContaining("SLACK_BOT_TOKEN")
                    .hasMessageNotContaining("xoxb-do-not-print");
        }
    }

    @Test
    void mounts_the_events_api_at_slack_events_on_the_server() throws Exception {
        var settings = Settings.of(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", SECRET));
        try (DocentServer server = DocentServer.bind("127.0.0.1", 0);
                SlackWiring slack = SlackWiring.start(
                        settings,
                        q -> Answer.failed("unused"),
                        server,
                        FeedbackRecorder.discarding(),
                        SharedState.local(),
                        new PrintWriter(new StringWriter()))) {
            server.start();
            String body = "{\"type\":\"url_verification\",\"token\":\"t\",\"challenge\":\"c-123\"}";
            long ts = Instant.now().getEpochSecond();

            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", "application/json")
                                    .header("X-Slack-Request-Timestamp", Long.toString(ts))
                                    .header("X-Slack-Signature", sign(ts, body))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(slack.active()).isTrue();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("c-123");
        }
    }

    private static String sign(long ts, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0="
                + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }
}
