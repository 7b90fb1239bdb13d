package io.docent.slack;

import static io.docent.slack.testing.LocalSlackApi.BOT_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.Answer;
import io.docent.core.Turn;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.core.feedback.JsonLinesFeedbackLog;
import io.docent.slack.testing.CannedAnswerer;
import io.docent.slack.testing.EventsApiClient;
import io.docent.slack.testing.Eventually;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.LocalSlackApi.Call;
import io.docent.slack.testing.SlackPayloads;
import io.docent.slack.testing.TestHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers shown as they are written, against a local Slack Web API that speaks Slack's streaming methods: streamed
 * where the workspace can, else one message updated at most once a second; one complete answer whatever fails.
 */
class StreamingIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHANNEL = "C0GENERAL";
    private static final String PERSON = "U0PAT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RATE_LIMITED = "{\"ok\":false,\"error\":\"ratelimited\"}";

    @TempDir
    Path dir;

    private LocalSlackApi api;
    private final CannedAnswerer core = new CannedAnswerer();
    private final TestHooks hooks = new TestHooks();
    private SlackAdapter adapter;
    private JsonLinesFeedbackLog feedbackLog;
    private EventsApiClient slack;

    @BeforeEach
    void start() throws Exception {
        api = new LocalSlackApi();
        api.user(PERSON, "Pat");
        api.conversation(SlackPayloads.channel(CHANNEL, "general"), PERSON, BOT_USER);
        feedbackLog = JsonLinesFeedbackLog.open(dir.resolve("feedback.jsonl"));
        var settings = SlackSettings.builder(LocalSlackApi.BOT_TOKEN)
                .signingSecret(EventsApiClient.SIGNING_SECRET)
                .apiUrl(api.url())
                .build();
        adapter = SlackAdapter.create(
                settings,
                core,
                hooks.hooks(),
                new FeedbackRecorder(
                        new AnsweredMessages(), feedbackLog, hooks.hooks().clock()));
        slack = new EventsApiClient(adapter.eventsHandler());
        core.writeGradually(Duration.ofMillis(50), Duration.ofMillis(40));
    }

    @AfterEach
    void stop() {
        slack.close();
        adapter.close();
        feedbackLog.close();
        api.close();
    }

    @Test
    void a_stream_for_someone_of_another_organisation_names_their_workspace() {
        String ts = api.nextTs();

        slack.post(SlackPayloads.appMentionFromAnotherOrganisation(
                "Ev1", CHANNEL, PERSON, "T0PARTNER", "<@" + BOT_USER + "> how many holidays do I get?", ts));

        api.await("chat.stopStream", 1, WAIT);
        Call start = api.calls("chat.startStream").get(0);
        assertThat(start.param("recipient_user_id")).isEqualTo(PERSON);
        assertThat(start.param("recipient_team_id")).isEqualTo("T0PARTNER");
    }

    @Test
    void streams_an_answer_as_it_is_written_and_ends_it_with_sources_and_feedback_buttons() {
        String ts = api.nextTs();

        slack.post(mention("Ev1", ts));

        Call stop = api.await("chat.stopStream", 1, WAIT).get(0);
        Call start = api.calls("chat.startStream").get(0);
        assertThat(start.param("channel")).isEqualTo(CHANNEL);
        assertThat(start.param("thread_ts")).isEqualTo(ts);
        assertThat(start.param("recipient_user_id")).isEqualTo(PERSON);
        assertThat(start.param("recipient_team_id")).isEqualTo(LocalSlackApi.TEAM);
        assertThat(CannedAnswerer.HOLIDAYS.text()).startsWith(start.param("markdown_text"));
        List<Call> appends = api.calls("chat.appendStream");
        assertThat(appends).allSatisfy(a -> assertThat(a.param("ts")).isEqualTo(stop.param("ts")));
        int words = CannedAnswerer.HOLIDAYS.text().split("\\s+").length;
        assertThat(appends.size()).as("appends coalesce words").isLessThan(words - 2);
        assertThat(streamedPieces()).isEqualTo(CannedAnswerer.HOLIDAYS.text());
        assertThat(api.streamedText(stop.param("ts"))).isEqualTo(CannedAnswerer.HOLIDAYS.text());
        assertThat(api.streaming(stop.param("ts"))).isFalse();
        JsonNode blocks = stop.blocks();
        assertThat(blocks.get(0).path("block_id").asText()).isEqualTo("docent-sources-0");
        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo("*Sources*\n1. <https://wiki.example.com/holidays|Holiday policy>");
        JsonNode feedback = blocks.get(1);
        assertThat(feedback.path("type").asText()).isEqualTo("context_actions");
        assertThat(feedback.path("block_id").asText()).isEqualTo("docent-feedback");
        assertThat(feedback.path("elements").get(0).path("type").asText()).isEqualTo("feedback_buttons");
        assertThat(feedback.path("elements")
                        .get(0)
                        .path("positive_button")
                        .path("value")
                        .asText())
                .startsWith("up:");
        // one answer, and the 👀 stayed until it was complete
        assertThat(api.calls("chat.postMessage")).isEmpty();
        assertThat(api.calls("chat.update")).isEmpty();
        Call removed = api.await("reactions.remove", 1, WAIT).get(0);
        assertThat(removed.atNanos()).isGreaterThan(stop.atNanos());
    }

    @Test
    void streams_answers_to_several_questions_at_once_each_into_its_own_thread() {
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String ts = api.nextTs();
            threads.add(ts);
            slack.post(mention("Ev" + i, ts));
        }

        List<Call> stops = api.await("chat.stopStream", 5, WAIT);
        assertThat(api.calls("chat.startStream"))
                .extracting(c -> c.param("thread_ts"))
                .containsExactlyInAnyOrderElementsOf(threads);
        assertThat(stops.stream().map(c -> c.param("ts")).distinct()).hasSize(5);
        assertThat(stops).allSatisfy(stop -> assertThat(api.streamedText(stop.param("ts")))
                .isEqualTo(CannedAnswerer.HOLIDAYS.text()));
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void keeps_the_assistant_status_until_the_first_words_in_a_direct_message() {
        String ts = api.nextTs();

        slack.post(SlackPayloads.message("Ev1", "D0PAT", "im", PERSON, "how many holidays?", ts, null));

        Call stop = api.await("chat.stopStream", 1, WAIT).get(0);
        Call start = api.calls("chat.startStream").get(0);
        Call status = api.calls("assistant.threads.setStatus").get(0);
        assertThat(status.param("status")).isEqualTo("is searching the documents…");
        assertThat(status.atNanos()).isLessThan(start.atNanos());
        assertThat(start.param("channel")).isEqualTo("D0PAT");
        assertThat(api.streamedText(stop.param("ts"))).isEqualTo(CannedAnswerer.HOLIDAYS.text());
        // Slack clears the status when the reply arrives: Docent never clears it itself after words were shown
        assertThat(api.calls("assistant.threads.setStatus")).hasSize(1);
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void records_a_click_on_the_streamed_answers_feedback_buttons() throws Exception {
        String ts = api.nextTs();
        slack.post(mention("Ev1", ts));
        Call stop = api.await("chat.stopStream", 1, WAIT).get(0);
        String down = stop.blocks()
                .get(1)
                .path("elements")
                .get(0)
                .path("negative_button")
                .path("value")
                .asText();

        var response = slack.postInteraction(
                SlackPayloads.feedbackButtonsAction("docent_feedback", down, PERSON, CHANNEL, stop.param("ts"), ts));

        assertThat(response.statusCode()).isEqualTo(200);
        api.await("chat.postEphemeral", 1, WAIT);
        List<String> lines = Files.readAllLines(dir.resolve("feedback.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode record = JSON.readTree(lines.get(0));
        assertThat(record.get("vote").asText()).isEqualTo("down");
        assertThat(record.get("question").asText()).isEqualTo("how many holidays do I get?");
        assertThat(record.get("answer").asText()).contains("25 days");
    }

    @Test
    void a_streamed_answer_is_a_turn_of_the_threads_history() {
        String parent = api.nextTs();
        api.personSays(CHANNEL, parent, parent, PERSON, "<@" + BOT_USER + "> how many holidays do I get?");
        slack.post(mention("Ev1", parent));
        api.await("chat.stopStream", 1, WAIT);
        String reply = api.nextTs();
        api.personSays(CHANNEL, parent, reply, PERSON, "and for interns?");

        slack.post(SlackPayloads.message("Ev2", CHANNEL, "channel", PERSON, "and for interns?", reply, parent));

        api.await("chat.stopStream", 2, WAIT);
        List<Turn> history = core.questions().get(1).history();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).role()).isEqualTo(Turn.Role.ASSISTANT);
        assertThat(history.get(1).text()).contains("25 days").doesNotContain("Sources", "Holiday policy");
    }

    @Test
    void answers_written_at_once_are_posted_as_one_message_without_a_stream() {
        core.writeGradually(null, null);

        slack.post(mention("Ev1", api.nextTs()));

        api.await("reactions.remove", 1, WAIT);
        assertThat(api.calls("chat.postMessage")).hasSize(1);
        assertThat(api.calls("chat.postMessage").get(0).param("text")).contains("*25 days*");
        assertThat(api.calls().stream().map(Call::method)).noneMatch(m -> m.contains("Stream"));
        assertThat(api.calls("chat.update")).isEmpty();
    }

    @Test
    void updates_one_message_at_most_once_a_second_where_the_workspace_cannot_stream() {
        api.failAlways("chat.startStream", "not_allowed_token_type");
        String text = words(30);
        core.answerWith(q -> answer(text));
        core.writeGradually(Duration.ofMillis(50), Duration.ofMillis(100)); // 3 seconds of writing

        slack.post(mention("Ev1", api.nextTs()));

        api.await("reactions.remove", 1, WAIT);
        List<Call> posts = api.calls("chat.postMessage");
        List<Call> updates = api.calls("chat.update");
        assertThat(posts).hasSize(1); // the first words, later updated: one answer
        assertThat(posts.get(0).param("text")).isNotBlank();
        assertThat(text).startsWith(posts.get(0).param("text").strip());
        assertThat(updates).isNotEmpty();
        assertThat(updates.stream().map(u -> u.param("ts")).distinct())
                .as("one message")
                .hasSize(1);
        Call last = updates.getLast();
        assertThat(last.param("text")).isEqualTo(text);
        assertThat(last.blocks().toString()).contains("docent_feedback_up").doesNotContain("Writing…");
        // interim updates: never two within a second of each other or of the first words (loosely: 900 ms)
        long previous = posts.get(0).atNanos();
        for (Call interim : updates.subList(0, updates.size() - 1)) {
            assertThat(interim.atNanos() - previous).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(900));
            assertThat(interim.blocks().toString()).contains("Writing…");
            previous = interim.atNanos();
        }
        assertThat(updates.size()).isLessThanOrEqualTo(5);
        // remembered for the process: the next answer does not try to stream
        core.answerWith(q -> CannedAnswerer.HOLIDAYS);
        core.writeGradually(Duration.ofMillis(10), Duration.ofMillis(10));
        slack.post(mention("Ev2", api.nextTs()));
        api.await("reactions.remove", 2, WAIT);
        assertThat(api.calls("chat.startStream")).hasSize(1);
        assertThat(api.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void writes_into_the_searching_placeholder_when_that_is_the_sign_of_work() {
        api.failAlways("reactions.add", "missing_scope");

        slack.post(mention("Ev1", api.nextTs()));

        Eventually.until(
                WAIT,
                () -> !api.calls("chat.update").isEmpty()
                        && api.calls("chat.update")
                                .getLast()
                                .blocks()
                                .toString()
                                .contains("docent_feedback_up"),
                () -> "updates: " + api.calls("chat.update").size());
        List<Call> posts = api.calls("chat.postMessage");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).param("text")).contains("Searching");
        assertThat(api.calls("chat.startStream"))
                .as("the placeholder becomes the answer")
                .isEmpty();
        assertThat(api.calls("chat.update").stream().map(u -> u.param("ts")).distinct())
                .hasSize(1);
        assertThat(api.calls("chat.update").getLast().param("text")).contains("*25 days*");
    }

    @Test
    void a_rate_limited_start_shows_that_answer_by_updates_and_the_next_one_streams_again() {
        api.respondOnce("chat.startStream", 429, RATE_LIMITED, Map.of("Retry-After", "3"));

        slack.post(mention("Ev1", api.nextTs()));

        api.await("reactions.remove", 1, WAIT);
        assertThat(api.calls("chat.startStream")).hasSize(1);
        assertThat(api.calls("chat.postMessage")).hasSize(1);
        assertThat(api.calls("chat.update").getLast().param("text")).contains("*25 days*");
        assertThat(hooks.sleeps()).as("not waited for: shown another way").isEmpty();

        slack.post(mention("Ev2", api.nextTs()));

        Call stop = api.await("chat.stopStream", 1, WAIT).get(0);
        assertThat(api.streamedText(stop.param("ts"))).isEqualTo(CannedAnswerer.HOLIDAYS.text());
        assertThat(api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void a_rate_limited_append_is_skipped_and_the_stream_still_ends_with_the_whole_text() {
        api.respondOnce("chat.appendStream", 429, RATE_LIMITED, Map.of("Retry-After", "1"));
        core.writeGradually(Duration.ofMillis(50), Duration.ofMillis(100));

        slack.post(mention("Ev1", api.nextTs()));

        Call stop = api.await("chat.stopStream", 1, WAIT).get(0);
        assertThat(api.streamedText(stop.param("ts"))).isEqualTo(CannedAnswerer.HOLIDAYS.text());
        assertThat(stop.blocks().toString()).contains("feedback_buttons");
        assertThat(api.calls("chat.postMessage")).isEmpty();
        assertThat(hooks.sleeps()).isEmpty();
    }

    @Test
    void a_stream_that_stops_streaming_midway_ends_as_one_complete_message() {
        api.respondOnce(
                "chat.appendStream", 200, "{\"ok\":false,\"error\":\"message_not_in_streaming_state\"}", Map.of());
        core.writeGradually(Duration.ofMillis(50), Duration.ofMillis(100));

        slack.post(mention("Ev1", api.nextTs()));

        api.await("reactions.remove", 1, WAIT);
        Call last = api.calls("chat.update").getLast();
        assertThat(last.param("ts")).isEqualTo(api.streamTs());
        assertThat(last.param("text")).contains("*25 days*").contains("policy");
        assertThat(last.blocks().toString()).contains("docent-sources-0").contains("docent_feedback_up");
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void keeps_its_own_buttons_when_slack_refuses_feedback_buttons() {
        api.respondOnce("chat.stopStream", 200, "{\"ok\":false,\"error\":\"invalid_blocks\"}", Map.of());

        slack.post(mention("Ev1", api.nextTs()));

        List<Call> stops = api.await("chat.stopStream", 2, WAIT);
        assertThat(stops.get(0).blocks().toString()).contains("feedback_buttons");
        assertThat(stops.get(1).blocks().toString())
                .contains("docent_feedback_up")
                .doesNotContain("feedback_buttons");
        assertThat(api.streamedText(stops.get(1).param("ts"))).isEqualTo(CannedAnswerer.HOLIDAYS.text());
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void a_core_failure_after_the_first_words_ends_the_stream_with_an_honest_reply() {
        core.answerWith(q -> {
            throw new IllegalStateException("the model went away");
        });
        core.writeGradually("You get **25 days**", Duration.ofMillis(20), Duration.ofMillis(20));

        slack.post(mention("Ev1", api.nextTs()));

        Call stop = api.await("chat.stopStream", 1, WAIT).get(0);
        String text = api.streamedText(stop.param("ts"));
        assertThat(text).startsWith("You get **25 days**");
        assertThat(text).contains("Sorry, something went wrong").containsPattern("reference id-\\d+");
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void a_final_text_that_does_not_continue_the_stream_replaces_it() {
        core.answerWith(q -> Answer.failed("The language model stopped answering."));
        core.writeGradually("Employees get", Duration.ofMillis(20), Duration.ofMillis(20));

        slack.post(mention("Ev1", api.nextTs()));

        api.await("reactions.remove", 1, WAIT);
        Call update = api.calls("chat.update").getLast();
        assertThat(update.param("ts")).isEqualTo(api.streamTs());
        assertThat(update.param("text")).contains("stopped answering").containsPattern("Reference: id-\\d+");
        assertThat(api.streaming(api.streamTs())).isFalse();
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    private String streamedPieces() {
        return api.calls().stream()
                .filter(c -> c.method().endsWith("Stream"))
                .map(c -> c.params().getOrDefault("markdown_text", ""))
                .collect(Collectors.joining());
    }

    private static String words(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(i == 1 ? "" : " ").append("word").append(i);
        }
        return sb.toString();
    }

    private static Answer answer(String text) {
        return new Answer(text, CannedAnswerer.HOLIDAYS.citations(), Answer.Status.ANSWERED, "q", List.of(), Map.of());
    }

    private static String mention(String eventId, String ts) {
        return SlackPayloads.appMention(
                eventId, CHANNEL, PERSON, "<@" + BOT_USER + "> how many holidays do I get?", ts, null);
    }
}
