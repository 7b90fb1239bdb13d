package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import io.docent.core.Answer;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.feedback.FeedbackRecord;
import io.docent.core.feedback.FeedbackRecorder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/feedback}: votes on the web chat's answers reach the service's feedback sink, only from the person
 * who was given the answer, through the same access checks as {@code /api/chat}. Real server on 127.0.0.1, a real
 * {@link FeedbackRecorder} with an in-memory sink; whether the client counts as local is injected.
 */
class WebFeedbackTest {

    static final String SECRET = "correct-horse-battery-staple-42";
    static final String TENANT = EasyAuthPrincipalTest.TENANT;
    static final String BOB_OID = "6d1f0c4e-0000-4000-8000-000000000b0b";

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicBoolean local = new AtomicBoolean(true);
    private final List<FeedbackRecord> sink = new CopyOnWriteArrayList<>();
    private Answer.Status status = Answer.Status.ANSWERED;
    private DocentServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Map<String, String> settings) {
        server = DocentServer.bind("127.0.0.1", 0);
        Predicate<InetSocketAddress> isLocal = a -> local.get();
        var recorder = new FeedbackRecorder(new AnsweredMessages(), sink::add, Clock.systemUTC());
        WebChat.from(Settings.of(settings), isLocal, Clock.systemUTC())
                .mount(
                        server,
                        q -> status == Answer.Status.ANSWERED
                                ? WebChatTest.sampleAnswer(q)
                                : Answer.failed("Something went wrong (reference r-00000001)."),
                        recorder);
        server.start();
    }

    private void startSigned() {
        start(Map.of(
                "DOCENT_WEB_SECRET", SECRET, "DOCENT_WEB_TRUST_EASY_AUTH", "true", "DOCENT_WEB_TENANT_ID", TENANT));
    }

    private String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(origin() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks, and returns the answer's {@code answerId} (a JSON null as {@code null}). */
    private String ask(String... headers) throws Exception {
        var response = post("/api/chat", "{\"question\":\"How do I get VPN access?\"}", headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode id = ChatJson.MAPPER.readTree(response.body()).path("answerId");
        assertThat(id.isMissingNode()).as("answerId is always present").isFalse();
        return id.isNull() ? null : id.asText();
    }

    private HttpResponse<String> vote(String body, String... headers) throws Exception {
        return post("/api/feedback", body, headers);
    }

    private static String up(String answerId) {
        return "{\"answerId\":\"" + answerId + "\",\"vote\":\"up\"}";
    }

    private static String[] as(String oid, String upn, String... more) {
        List<String> headers = new ArrayList<>(List.of(
                EasyAuthPrincipal.PRINCIPAL, EasyAuthPrincipalTest.principal(EasyAuthPrincipalTest.member(oid, upn))));
        headers.addAll(List.of(more));
        return headers.toArray(String[]::new);
    }

    private static String error(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return ChatJson.MAPPER.readTree(response.body()).path("error").asText();
    }

    @Test
    void a_vote_on_an_answer_reaches_the_feedback_sink_with_what_was_asked_and_answered() throws Exception {
        start(Map.of());
        String answerId = ask();

        var response = vote("{\"answerId\":\"" + answerId + "\",\"vote\":\"down\",\"comment\":\"Old portal link\"}");

        assertThat(answerId).matches("w-[0-9a-f]{32}");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(sink).singleElement().satisfies(record -> {
            assertThat(record.platform()).isEqualTo("web");
            assertThat(record.vote()).isEqualTo(FeedbackRecord.Vote.DOWN);
            assertThat(record.question()).isEqualTo("How do I get VPN access?");
            assertThat(record.answer()).startsWith("Use the portal [1].");
            assertThat(record.sources()).containsExactly("https://wiki.example/vpn");
            assertThat(record.channel()).isEqualTo("web:local");
            assertThat(record.comment()).isEqualTo("Old portal link");
        });
    }

    @Test
    void the_streamed_answer_carries_its_answer_id_too() throws Exception {
        start(Map.of());

        var response = post("/api/chat/stream", "{\"question\":\"vpn\"}");
        String data = response.body()
                .substring(response.body().indexOf("event: answer\ndata: ") + "event: answer\ndata: ".length())
                .strip();
        String answerId = ChatJson.MAPPER.readTree(data).path("answerId").asText();

        assertThat(vote(up(answerId)).statusCode()).isEqualTo(204);
        assertThat(sink).singleElement().extracting(FeedbackRecord::vote).isEqualTo(FeedbackRecord.Vote.UP);
    }

    @Test
    void an_unknown_answer_id_gets_404_and_records_nothing() throws Exception {
        start(Map.of());

        var response = vote(up("w-" + "0".repeat(32)));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response)).contains("no answer of yours has that answerId");
        assertThat(sink).isEmpty();
    }

    @Test
    void someone_elses_answer_gets_the_same_404_as_an_unknown_one_and_records_nothing() throws Exception {
        local.set(false);
        startSigned();
        String alices = ask(as(EasyAuthPrincipalTest.ALICE_OID, "alice@example.com", "Origin", origin()));

        var bob = vote(up(alices), as(BOB_OID, "bob@example.com", "Origin", origin()));
        var sharedKey = vote(up(alices), "Authorization", "Bearer " + SECRET);

        assertThat(bob.statusCode()).isEqualTo(404);
        assertThat(sharedKey.statusCode()).isEqualTo(404);
        assertThat(sink).isEmpty();

        var alice = vote(up(alices), as(EasyAuthPrincipalTest.ALICE_OID, "alice@example.com", "Origin", origin()));

        assertThat(alice.statusCode()).isEqualTo(204);
        assertThat(sink).singleElement().satisfies(record -> {
            assertThat(record.user()).isEqualTo(EasyAuthPrincipalTest.ALICE_OID);
            assertThat(record.channel()).isEqualTo("web:entra:" + TENANT + "/" + EasyAuthPrincipalTest.ALICE_OID);
        });
    }

    @Test
    void a_body_it_cannot_read_gets_400_with_what_to_fix_and_records_nothing() throws Exception {
        start(Map.of());
        String answerId = ask();

        Map<String, String> bad = new HashMap<>();
        bad.put("{not json", "not valid JSON");
        bad.put("[1]", "must be a JSON object");
        bad.put("{\"answerId\":\"" + answerId + "\"}", "\"vote\" must be \"up\" or \"down\"");
        bad.put("{\"answerId\":\"" + answerId + "\",\"vote\":\"meh\"}", "\"vote\" must be \"up\" or \"down\"");
        bad.put("{\"answerId\":\"r-0a1b2c3d\",\"vote\":\"up\"}", "\"answerId\" must be");
        bad.put("{\"answerId\":\"" + answerId + "\",\"vote\":\"up\",\"comment\":7}", "\"comment\" must be a string");
        bad.put(
                "{\"answerId\":\"" + answerId + "\",\"vote\":\"up\",\"comment\":\"" + "x".repeat(2_001) + "\"}",
                "longer than 2000 characters");

        for (var entry : bad.entrySet()) {
            var response = vote(entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(error(response)).as(entry.getKey()).contains(entry.getValue());
        }
        assertThat(sink).isEmpty();
    }

    @Test
    void votes_pass_the_same_access_checks_as_questions() throws Exception {
        start(Map.of());
        String answerId = ask();
        local.set(false);

        assertThat(vote(up(answerId)).statusCode()).as("not local, no secret").isEqualTo(403);
        server.close();
        local.set(true);

        startSigned();
        String operators = ask();
        local.set(false);
        assertThat(vote(up(operators)).statusCode()).as("not signed in").isEqualTo(401);
        assertThat(vote(up(operators), "Authorization", "Bearer wrong-key-wrong-key-wrong")
                        .statusCode())
                .isEqualTo(401);
        var browserWithoutOrigin = vote(up(operators), as(EasyAuthPrincipalTest.ALICE_OID, "alice@example.com"));
        assertThat(browserWithoutOrigin.statusCode())
                .as("ambient sign-in without Origin")
                .isEqualTo(403);
        assertThat(error(browserWithoutOrigin)).contains("cross-origin");
        var otherSite = vote(
                up(operators),
                as(EasyAuthPrincipalTest.ALICE_OID, "alice@example.com", "Origin", "https://evil.example"));
        assertThat(otherSite.statusCode()).isEqualTo(403);
        var notJson = client.send(
                HttpRequest.newBuilder(URI.create(origin() + "/api/feedback"))
                        .header("Authorization", "Bearer " + SECRET)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(up(operators)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(415);
        var get = client.send(
                HttpRequest.newBuilder(URI.create(origin() + "/api/feedback"))
                        .header("Authorization", "Bearer " + SECRET)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(sink).isEmpty();
    }

    @Test
    void a_shared_key_voter_may_vote_on_the_shared_keys_answers_not_on_a_local_operators() throws Exception {
        startSigned();
        String operators = ask(); // local
        local.set(false);
        String keys = ask("Authorization", "Bearer " + SECRET);

        assertThat(vote(up(operators), "Authorization", "Bearer " + SECRET).statusCode())
                .isEqualTo(404);
        assertThat(vote(up(keys), "Authorization", "Bearer " + SECRET).statusCode())
                .isEqualTo(204);
        assertThat(sink).singleElement().extracting(FeedbackRecord::channel).isEqualTo("web:key");
    }

    @Test
    void an_answer_that_failed_takes_no_vote_and_an_unreadable_sign_in_cannot_vote() throws Exception {
        local.set(false);
        startSigned();
        status = Answer.Status.FAILED;
        assertThat(ask("Authorization", "Bearer " + SECRET)).isNull();
        status = Answer.Status.ANSWERED;

        String unreadable = ask(EasyAuthPrincipal.PRINCIPAL, "bm90IGpzb24=", "Origin", origin());
        var response = vote(up("w-" + "a".repeat(32)), EasyAuthPrincipal.PRINCIPAL, "bm90IGpzb24=", "Origin", origin());

        assertThat(unreadable).isNull();
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(error(response)).contains("sign-in could not be read");
        assertThat(sink).isEmpty();
    }
}
