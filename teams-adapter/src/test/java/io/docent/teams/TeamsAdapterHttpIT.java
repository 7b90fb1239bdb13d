package io.docent.teams;

import static io.docent.teams.testing.Fixtures.APP_ID;
import static io.docent.teams.testing.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.docent.core.Answer;
import io.docent.core.UserTexts;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.core.feedback.JsonLinesFeedbackLog;
import io.docent.core.memory.CaffeineConversationStore;
import io.docent.teams.bot.Messages;
import io.docent.teams.testing.CannedAnswerer;
import io.docent.teams.testing.FakeBotConnector;
import io.docent.teams.testing.FakeBotConnector.Received;
import io.docent.teams.testing.FixedTokenCredentials;
import io.docent.teams.testing.Fixtures;
import io.docent.teams.testing.LocalOpenIdServer;
import io.docent.teams.testing.RememberedAnswers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-shaped Teams activities posted to {@code /api/messages} on a real local HTTP server, with signed tokens
 * checked against locally served keys, and every reply captured by a fake Bot Connector at the activity's service
 * URL.
 */
class TeamsAdapterHttpIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RememberedAnswers remembered = new RememberedAnswers();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalOpenIdServer keys;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final CannedAnswerer answerer = new CannedAnswerer().taking(Duration.ofMillis(300));
    private FakeBotConnector connector;
    private TeamsAdapter adapter;
    private HttpServer server;

    @BeforeAll
    static void serveKeys() {
        keys = LocalOpenIdServer.start();
    }

    @AfterAll
    static void stopKeys() {
        keys.close();
    }

    @BeforeEach
    void start() throws Exception {
        connector = FakeBotConnector.start();
        adapter = adapter(TeamsSettings.singleTenant(APP_ID, "secret", TENANT));
    }

    private TeamsAdapter adapter(TeamsSettings settings) throws Exception {
        if (server != null) {
            server.stop(0);
        }
        TeamsAdapter built = TeamsAdapter.builder(settings, answerer, new CaffeineConversationStore())
                .authEndpoints(keys.endpoints())
                .credentials(new FixedTokenCredentials(APP_ID))
                .feedback(new FeedbackRecorder(
                        new AnsweredMessages(remembered),
                        JsonLinesFeedbackLog.open(dir.resolve("feedback.jsonl")),
                        Clock.systemUTC()))
                .build();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/messages", built.httpHandler());
        server.start();
        return built;
    }

    @AfterEach
    void stop() {
        server.stop(0);
        adapter.stop();
        connector.close();
    }

    private Fixtures activity(String name) {
        return Fixtures.activity(name).with("serviceUrl", connector.serviceUrl());
    }

    private String validToken() {
        return keys.sign(keys.channelToken(APP_ID, connector.serviceUrl()));
    }

    private HttpResponse<String> post(Fixtures activity, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(activity.bytes()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Fixtures activity) throws Exception {
        return post(activity, "Bearer " + validToken());
    }

    @Test
    void a_personal_message_is_acknowledged_before_the_answer_then_typing_and_the_answer_arrive() throws Exception {
        Fixtures message = activity("personal-message").with("chat", "p1");
        answerer.taking(Duration.ofSeconds(2));

        long started = System.nanoTime();
        HttpResponse<String> response = post(message);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(took).isLessThan(Duration.ofMillis(1_500)); // the answer alone takes 2 s
        assertThat(connector.all()).extracting(Received::type).doesNotContain("message");
        Received typing = connector.next(WAIT);
        Received answer = connector.next(WAIT);
        String conversation = "a:1pErSoNaLcHaT-p1";
        assertThat(typing.type()).isEqualTo("typing");
        assertThat(typing.method()).isEqualTo("POST");
        assertThat(typing.path()).isEqualTo("/v3/conversations/" + conversation + "/activities/" + message.id());
        assertThat(typing.authorization()).isEqualTo("Bearer " + FixedTokenCredentials.TOKEN);
        assertThat(answer.type()).isEqualTo("message");
        assertThat(answer.path()).isEqualTo(typing.path());
        assertThat(answer.body().path("replyToId").asText()).isEqualTo(message.id());
        assertThat(answer.body().path("from").path("id").asText()).isEqualTo("28:" + APP_ID);
        assertThat(answer.body().path("conversation").path("id").asText()).isEqualTo(conversation);
        assertThat(answer.body().path("text").asText()).contains("[1]").contains("How do I get VPN access?");
        assertThat(answerer.questions()).hasSize(1);
    }

    @Test
    void a_channel_mention_is_answered_in_the_same_thread() throws Exception {
        Fixtures mention =
                activity("channel-mention").with("root", "1741080000555").with("text", "Where is the VPN guide?");

        assertThat(post(mention).statusCode()).isEqualTo(202);

        connector.next(WAIT); // typing
        Received answer = connector.next(WAIT);
        String thread = Fixtures.CHANNEL_ID + ";messageid=1741080000555";
        assertThat(answer.path()).isEqualTo("/v3/conversations/" + thread + "/activities/" + mention.id());
        assertThat(answer.body().path("conversation").path("id").asText()).isEqualTo(thread);
        assertThat(answerer.questions().get(0).text()).isEqualTo("Where is the VPN guide?");
    }

    @Test
    void the_sources_reach_the_connector_as_teams_citations_of_an_ai_generated_message() throws Exception {
        post(activity("personal-message"));

        connector.next(WAIT);
        JsonNode answer = connector.next(WAIT).body();

        assertThat(answer.has("attachments")).isFalse();
        JsonNode ai = answer.path("entities").get(0);
        assertThat(ai.path("additionalType").get(0).asText()).isEqualTo("AIGeneratedContent");
        JsonNode citations = ai.path("citation");
        assertThat(citations.get(0).path("appearance").path("name").asText()).isEqualTo("VPN access [IT]");
        assertThat(citations.get(0).path("appearance").path("url").asText()).startsWith("https://wiki.example.com/");
        assertThat(citations.get(1).path("appearance").path("name").asText()).isEqualTo("Contractor onboarding");
        assertThat(answer.path("channelData").path("feedbackLoopEnabled").asBoolean())
                .isTrue();
    }

    @Test
    void a_redelivered_activity_is_acknowledged_and_answered_once() throws Exception {
        Fixtures message = activity("personal-message");

        HttpResponse<String> first = post(message);
        HttpResponse<String> again = post(message);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        connector.awaitCount(2, WAIT);
        Thread.sleep(800); // time for a second answer, if there were one
        assertThat(connector.all()).extracting(Received::type).containsExactly("typing", "message");
        assertThat(answerer.questions()).hasSize(1);
    }

    @Test
    void missing_garbage_expired_and_wrong_audience_tokens_get_401_and_nothing_is_answered() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(3));
        String expired = keys.sign(keys.channelToken(APP_ID, connector.serviceUrl())
                .withNotBefore(Date.from(past.minus(Duration.ofHours(1))))
                .withIssuedAt(Date.from(past.minus(Duration.ofHours(1))))
                .withExpiresAt(Date.from(past)));
        String wrongAudience = keys.sign(keys.channelToken("someone-elses-bot", connector.serviceUrl()));

        assertThat(post(activity("personal-message"), null).statusCode()).isEqualTo(401);
        assertThat(post(activity("personal-message"), "Bearer garbage").statusCode())
                .isEqualTo(401);
        assertThat(post(activity("personal-message"), "Bearer e30.e30.").statusCode())
                .isEqualTo(401);
        assertThat(post(activity("personal-message"), "Bearer " + expired).statusCode())
                .isEqualTo(401);
        assertThat(post(activity("personal-message"), "Bearer " + wrongAudience).statusCode())
                .isEqualTo(401);

        Thread.sleep(300);
        assertThat(connector.all()).isEmpty();
        assertThat(answerer.questions()).isEmpty();
    }

    @Test
    void tokens_with_the_right_signature_but_a_foreign_caller_or_a_wrong_service_url_get_401() throws Exception {
        // with a matching serviceurl claim, so that only the caller is wrong
        String ownTenantToken =
                keys.sign(keys.tenantToken(TENANT, APP_ID).withClaim("serviceurl", connector.serviceUrl()));
        String foreignCaller = keys.sign(keys.tenantToken(TENANT, APP_ID)
                .withClaim("serviceurl", connector.serviceUrl())
                .withClaim("azp", "another-app-of-the-tenant"));
        String v1ForeignCaller = keys.sign(keys.tenantTokenV1(TENANT, APP_ID)
                .withClaim("serviceurl", connector.serviceUrl())
                .withClaim("appid", "another-app"));
        String noServiceUrl =
                keys.sign(keys.channelToken(APP_ID, connector.serviceUrl()).withClaim("serviceurl", (String) null));
        String otherServiceUrl = keys.sign(keys.channelToken(APP_ID, "https://smba.trafficmanager.net/emea/"));

        assertThat(post(activity("personal-message"), "Bearer " + foreignCaller).statusCode())
                .isEqualTo(401);
        assertThat(post(activity("personal-message"), "Bearer " + v1ForeignCaller)
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(activity("personal-message"), "Bearer " + noServiceUrl).statusCode())
                .isEqualTo(401);
        assertThat(post(activity("personal-message"), "Bearer " + otherServiceUrl)
                        .statusCode())
                .isEqualTo(401);

        Thread.sleep(300);
        assertThat(connector.all()).isEmpty();
        assertThat(connector.lookups()).isEmpty();
        assertThat(answerer.questions()).isEmpty();
        assertThat(post(activity("personal-message"), "Bearer " + ownTenantToken)
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void another_tenant_gets_403() throws Exception {
        HttpResponse<String> response =
                post(activity("personal-message").with("tenant", "99999999-8888-7777-6666-555555555555"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(answerer.questions()).isEmpty();
    }

    @Test
    void a_click_on_teams_feedback_buttons_is_recorded_with_what_the_channel_was_shown() throws Exception {
        post(activity("channel-mention").with("root", "1741080000777"));
        connector.next(WAIT); // typing
        Received answer = connector.next(WAIT);
        remembered.awaitOne(WAIT);

        HttpResponse<String> response = post(activity("channel-feedback-submit")
                .with("root", "1741080000777")
                .with("replyToId", answer.id())
                .with("reaction", "like"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        List<String> lines = Files.readAllLines(dir.resolve("feedback.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode record = JSON.readTree(lines.get(0));
        assertThat(record.path("vote").asText()).isEqualTo("up");
        assertThat(record.path("question").asText()).isEqualTo("How do I get VPN access?");
        assertThat(record.path("channel").asText()).isEqualTo(Fixtures.CHANNEL_ID);
        assertThat(record.path("user").asText()).isEqualTo("5b7e2c1a-0f3d-4e6b-8a9c-1d2e3f405162");
        assertThat(record.path("sources")).hasSize(2);
        assertThat(record.path("comment").asText()).isEqualTo("too vague");
        assertThat(connector.all()).extracting(Received::type).containsExactly("typing", "message");
    }

    @Test
    void a_click_on_an_earlier_answer_cards_button_is_recorded_and_thanked_in_the_invoke_response() throws Exception {
        HttpResponse<String> response =
                post(activity("feedback-invoke").with("answerId", "r-0a1b2c3d").with("vote", "down"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(body.path("value").asText()).isEqualTo(UserTexts.THANKS);
        List<String> lines = Files.readAllLines(dir.resolve("feedback.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode record = JSON.readTree(lines.get(0));
        assertThat(record.path("vote").asText()).isEqualTo("down");
        assertThat(record.path("question").asText()).isEmpty(); // that answer was sent before this process started
        assertThat(record.path("channel").asText()).isEqualTo(Fixtures.CHANNEL_ID);
    }

    @Test
    void installing_in_a_personal_chat_sends_a_greeting_to_the_conversation() throws Exception {
        assertThat(post(activity("install-personal").with("chat", "g1")).statusCode())
                .isEqualTo(202);

        Received greeting = connector.next(WAIT);
        assertThat(greeting.path()).isEqualTo("/v3/conversations/a:1pErSoNaLcHaT-g1/activities");
        assertThat(greeting.body().path("text").asText()).isEqualTo(Messages.GREETING);
    }

    @Test
    void when_the_service_turns_a_question_away_the_user_is_told_docent_is_busy() throws Exception {
        answerer.replying(q -> Answer.busy()); // the service's admission control is full

        assertThat(post(activity("personal-message").with("chat", "busy")).statusCode())
                .isEqualTo(202);

        List<Received> all = connector.awaitCount(2, WAIT); // typing, then the notice
        assertThat(all)
                .filteredOn(r -> r.type().equals("message"))
                .extracting(r -> r.body().path("text").asText())
                .containsExactly(UserTexts.BUSY);
    }

    @Test
    void the_endpoint_refuses_other_methods_and_bodies_that_are_not_activities() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/messages";
        HttpResponse<String> get =
                http.send(HttpRequest.newBuilder(URI.create(base)).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> garbage = http.send(
                HttpRequest.newBuilder(URI.create(base))
                        .header("Authorization", "Bearer " + validToken())
                        .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(garbage.statusCode()).isEqualTo(400);
    }
}
