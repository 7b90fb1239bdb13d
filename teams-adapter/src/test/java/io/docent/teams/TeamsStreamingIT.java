package io.docent.teams;

import static io.docent.teams.testing.Fixtures.APP_ID;
import static io.docent.teams.testing.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.docent.core.Answer;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.core.feedback.JsonLinesFeedbackLog;
import io.docent.core.memory.CaffeineConversationStore;
import io.docent.teams.message.StreamMessages;
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
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers streamed into Teams, end to end: signed activities posted to {@code /api/messages} on a local HTTP server,
 * an answerer that writes its answer as a language model does, and a local Bot Connector that checks streaming as
 * Teams documents it (1:1 chats only, one stream per chat, sequence numbers, content that only grows, one call a
 * second, two minutes at most) and answers with Teams' errors when the test asks it to.
 */
class TeamsStreamingIT {

    private final RememberedAnswers remembered = new RememberedAnswers();

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalOpenIdServer keys;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    /**
     * 20 pieces 100 ms apart after 200 ms: about two seconds of writing, so that Teams' pace (one update a second,
     * the first a second after the informative update) leaves room for updates even on a busy machine.
     */
    private final CannedAnswerer answerer =
            new CannedAnswerer().writing(Duration.ofMillis(200), 20, Duration.ofMillis(100));

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
        adapter = TeamsAdapter.builder(
                        TeamsSettings.singleTenant(APP_ID, "secret", TENANT), answerer, new CaffeineConversationStore())
                .authEndpoints(keys.endpoints())
                .credentials(new FixedTokenCredentials(APP_ID))
                .feedback(new FeedbackRecorder(
                        new AnsweredMessages(remembered),
                        JsonLinesFeedbackLog.open(dir.resolve("feedback.jsonl")),
                        Clock.systemUTC()))
                .build();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/messages", adapter.httpHandler());
        server.start();
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

    private HttpResponse<String> post(Fixtures activity) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Bearer " + keys.sign(keys.channelToken(APP_ID, connector.serviceUrl())))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(activity.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the first call that matches, then gives every call so far. */
    private List<Received> until(Predicate<Received> last) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (connector.all().stream().anyMatch(last)) {
                return connector.all();
            }
            pause(20);
        }
        throw new AssertionError("not seen within " + WAIT + "; sent: " + connector.all());
    }

    /** Time for anything the bot might still send after what a test waited for (there should be nothing). */
    private List<Received> settled() {
        pause(1_200);
        return connector.all();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isMessage(Received r) {
        return r.type().equals("message") && r.method().equals("POST");
    }

    private static List<Received> ofStreamType(List<Received> calls, String streamType) {
        return calls.stream().filter(r -> r.streamType().equals(streamType)).toList();
    }

    private static void assertAiMessage(Received message) {
        JsonNode ai = message.body().path("entities").get(0);
        assertThat(ai.path("type").asText()).isEqualTo("https://schema.org/Message");
        assertThat(ai.path("additionalType").get(0).asText()).isEqualTo("AIGeneratedContent");
        assertThat(ai.path("citation"))
                .extracting(c -> c.path("position").asInt())
                .containsExactly(1, 2);
        assertThat(message.body()
                        .path("channelData")
                        .path("feedbackLoopEnabled")
                        .asBoolean())
                .isTrue();
        assertThat(message.body().has("attachments")).isFalse();
    }

    @Test
    void a_1_1_answer_is_streamed_informative_then_growing_updates_then_one_final_message() throws Exception {
        Fixtures question = activity("personal-message").with("chat", "s1");

        assertThat(post(question).statusCode()).isEqualTo(202);

        List<Received> calls = until(FakeBotConnector.Received::isFinal);
        assertThat(calls.getFirst().type()).isEqualTo("typing"); // the sign of work, before any stream
        assertThat(calls.getFirst().streamType()).isEmpty();
        assertThat(ofStreamType(calls, "informative")).hasSize(1);
        Received informative = ofStreamType(calls, "informative").getFirst();
        assertThat(informative.type()).isEqualTo("typing");
        assertThat(informative.streamType()).isEqualTo("informative");
        assertThat(informative.streamSequence()).isEqualTo(1);
        assertThat(informative.text()).isEqualTo(StreamMessages.WRITING);
        List<Received> updates = ofStreamType(calls, "streaming");
        String streamId = calls.getLast().streamId();
        assertThat(streamId).isNotBlank();
        assertThat(updates).isNotEmpty().allSatisfy(u -> {
            assertThat(u.type()).isEqualTo("typing");
            assertThat(u.streamId()).isEqualTo(streamId);
            assertThat(u.status()).isEqualTo(200);
        });
        assertThat(updates).extracting(Received::streamSequence).isSorted().doesNotHaveDuplicates();
        assertThat(updates.getFirst().streamSequence()).isEqualTo(2);
        // at most one update a second: far fewer updates than pieces written, never more than seconds of writing + 1
        List<Long> written = answerer.writtenAtNanos();
        long writingSeconds =
                Duration.ofNanos(written.getLast() - written.getFirst()).toSeconds();
        assertThat(updates.size()).isLessThanOrEqualTo(1 + (int) writingSeconds).isLessThan(written.size());
        Received last = calls.getLast();
        assertThat(last).matches(Received::isFinal);
        String text = CannedAnswerer.cited(answerer.questions().getFirst()).text();
        assertThat(updates).allSatisfy(u -> assertThat(text).startsWith(u.text()));
        assertThat(last.type()).isEqualTo("message");
        assertThat(last.streamId()).isEqualTo(streamId);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.text()).isEqualTo(text);
        assertAiMessage(last);
        assertThat(settled()).filteredOn(TeamsStreamingIT::isMessage).containsExactly(last);
        assertThat(connector.all()).noneMatch(r -> r.status() != 200);
    }

    @Test
    void teams_feedback_on_a_streamed_answer_reaches_the_feedback_log_with_its_question() throws Exception {
        post(activity("personal-message").with("chat", "s2"));
        Received last = until(Received::isFinal).getLast();
        remembered.awaitOne(WAIT);

        HttpResponse<String> response = post(activity("feedback-submit")
                .with("chat", "s2")
                .with("replyToId", last.streamId())
                .with("reaction", "dislike"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = Files.readAllLines(dir.resolve("feedback.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode record = JSON.readTree(lines.getFirst());
        assertThat(record.path("vote").asText()).isEqualTo("down");
        assertThat(record.path("question").asText()).isEqualTo("How do I get VPN access?");
        assertThat(record.path("channel").asText()).isEqualTo("a:1pErSoNaLcHaT-s2");
        assertThat(record.path("sources")).hasSize(2);
        assertThat(record.path("comment").asText()).isEqualTo("too vague"); // typed in Teams' feedback form
    }

    @Test
    void a_channel_answer_is_one_final_message_after_a_typing_indicator_and_never_a_stream() throws Exception {
        post(activity("channel-mention").with("root", "1741080000901"));

        List<Received> calls = settledAfter(TeamsStreamingIT::isMessage);

        assertThat(calls).extracting(Received::type).containsExactly("typing", "message");
        assertThat(calls).allSatisfy(r -> assertThat(r.streamType()).isEmpty());
        assertAiMessage(calls.getLast());
    }

    @Test
    void when_teams_refuses_streaming_the_answer_is_one_plain_message_and_nothing_else() throws Exception {
        connector.refuseStreaming();

        post(activity("personal-message").with("chat", "s3"));

        List<Received> calls = settledAfter(TeamsStreamingIT::isMessage);
        assertThat(ofStreamType(calls, "informative")).singleElement().satisfies(refused -> assertThat(refused.status())
                .isEqualTo(403));
        assertThat(ofStreamType(calls, "streaming")).isEmpty();
        List<Received> messages =
                calls.stream().filter(TeamsStreamingIT::isMessage).toList();
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.streamType()).isEmpty();
            assertThat(m.status()).isEqualTo(200);
            assertThat(m.text()).contains("[1]").contains("How do I get VPN access?");
            assertAiMessage(m);
        });
    }

    @Test
    void an_answer_cut_short_after_a_stall_ends_the_stream_with_its_complete_final_text() throws Exception {
        answerer.writing(Duration.ofMillis(100), 5, Duration.ofMillis(50), a -> "You request it in the IT portal")
                .taking(Duration.ofMillis(1_500)) // the model stalls, then the pipeline gives up
                .replying(q -> Answer.failed("The answer was cut short (reference r-0a1b2c3d)."));

        post(activity("personal-message").with("chat", "s4"));

        List<Received> calls = until(Received::isFinal);
        assertThat(ofStreamType(calls, "streaming"))
                .isNotEmpty()
                .allSatisfy(u -> assertThat("You request it in the IT portal").startsWith(u.text()));
        Received last = calls.getLast();
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.text()).isEqualTo("The answer was cut short (reference r-0a1b2c3d).");
        assertThat(last.body().path("channelData").path("feedbackLoopEnabled").isMissingNode())
                .isTrue();
        assertThat(settled()).filteredOn(TeamsStreamingIT::isMessage).containsExactly(last);
    }

    @Test
    void an_extractive_answer_that_writes_nothing_opens_no_stream_and_is_one_message_with_label_and_citations()
            throws Exception {
        answerer.writing(Duration.ZERO, 0, Duration.ZERO);

        post(activity("personal-message").with("chat", "s5"));

        List<Received> calls = settledAfter(TeamsStreamingIT::isMessage);
        assertThat(calls).allSatisfy(c -> assertThat(c.streamType()).isEmpty()); // no streaminfo at all
        assertThat(calls.getFirst().type()).isEqualTo("typing");
        List<Received> messages =
                calls.stream().filter(TeamsStreamingIT::isMessage).toList();
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(200);
            assertThat(m.text()).contains("[1]");
            assertAiMessage(m);
        });
    }

    @Test
    void a_throttled_update_backs_off_for_retry_after_and_the_stream_goes_on() throws Exception {
        connector.throttleStreamingUpdates(1, "1");
        answerer.writing(Duration.ofMillis(200), 30, Duration.ofMillis(100)); // 3 s: room for updates after the 429

        post(activity("personal-message").with("chat", "s6"));

        List<Received> calls = until(Received::isFinal);
        List<Received> updates = ofStreamType(calls, "streaming");
        assertThat(updates.getFirst().status()).isEqualTo(429);
        assertThat(updates.subList(1, updates.size()))
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.status()).isEqualTo(200))
                .allSatisfy(u -> assertThat(u.streamSequence())
                        .isGreaterThan(updates.getFirst().streamSequence()));
        assertThat(calls.getLast().status()).isEqualTo(200);
        assertThat(updates).noneMatch(u -> u.status() == 412 || u.status() == 400);
        assertThat(settled()).filteredOn(TeamsStreamingIT::isMessage).hasSize(1);
    }

    @Test
    void a_stream_past_teams_time_limit_is_replaced_in_place_by_the_complete_answer() throws Exception {
        connector.maxStreamTime(Duration.ofMillis(300));

        post(activity("personal-message").with("chat", "s7"));

        List<Received> calls = until(r -> r.method().equals("PUT"));
        Received put = calls.getLast();
        Received refusedFinal =
                calls.stream().filter(Received::isFinal).findFirst().orElseThrow();
        assertThat(refusedFinal.status()).isEqualTo(403);
        assertThat(put.path()).endsWith("/activities/" + refusedFinal.streamId());
        assertThat(put.text())
                .isEqualTo(CannedAnswerer.cited(answerer.questions().getFirst()).text());
        assertThat(put.streamType()).isEmpty();
        assertAiMessage(put);
        assertThat(settled()).filteredOn(r -> isMessage(r) && r.status() == 200).isEmpty();
    }

    @Test
    void when_the_person_presses_stop_nothing_more_is_sent_into_the_stream() throws Exception {
        connector.cancelStreamsAfter(1);

        post(activity("personal-message").with("chat", "s8"));

        until(r -> r.status() == 403); // the person's Stop, seen by the next call into the stream
        assertThat(settled())
                .filteredOn(r -> r.status() == 200)
                .noneMatch(r -> isMessage(r) || r.method().equals("PUT"));
    }

    @Test
    void a_second_question_while_the_first_streams_is_answered_once_without_a_second_stream() throws Exception {
        post(activity("personal-message").with("chat", "s9"));
        until(r -> r.streamType().equals("informative"));
        post(activity("personal-message").with("chat", "s9").with("text", "And for contractors?"));

        List<Received> calls = settledAfter(r -> isMessage(r) && r.text().contains("And for contractors?"));
        assertThat(ofStreamType(calls, "informative")).hasSize(1);
        assertThat(calls.stream().filter(TeamsStreamingIT::isMessage).toList())
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(200));
        assertThat(connector.all()).noneMatch(r -> r.status() != 200);
    }

    private List<Received> settledAfter(Predicate<Received> last) {
        until(last);
        return settled();
    }
}
