package io.docent.slack;

import static io.docent.slack.testing.LocalSlackApi.BOT_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.Answer;
import io.docent.core.DocentException;
import io.docent.core.Turn;
import io.docent.core.UserTexts;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.core.feedback.JsonLinesFeedbackLog;
import io.docent.slack.testing.CannedAnswerer;
import io.docent.slack.testing.EventsApiClient;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.LocalSlackApi.Call;
import io.docent.slack.testing.SlackPayloads;
import io.docent.slack.testing.TestHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter over the Events API, against a local Slack Web API: the issue's behaviour, one test each. */
class EventsApiIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CHANNEL = "C0GENERAL";
    private static final String PERSON = "U0PAT";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        api.user("U0ALICE", "Alice");
        api.conversation(SlackPayloads.channel(CHANNEL, "general"), PERSON, "U0ALICE", BOT_USER);
        startAdapter(settings().build());
    }

    private SlackSettings.Builder settings() {
        return SlackSettings.builder(LocalSlackApi.BOT_TOKEN)
                .signingSecret(EventsApiClient.SIGNING_SECRET)
                .apiUrl(api.url());
    }

    private void startAdapter(SlackSettings settings) throws Exception {
        if (feedbackLog != null) {
            feedbackLog.close(); // an adapter restarted within a test
        }
        feedbackLog = JsonLinesFeedbackLog.open(dir.resolve("feedback.jsonl"));
        adapter = SlackAdapter.create(
                settings,
                core,
                hooks.hooks(),
                new FeedbackRecorder(
                        new AnsweredMessages(), feedbackLog, hooks.hooks().clock()));
        slack = new EventsApiClient(adapter.eventsHandler());
    }

    @AfterEach
    void stop() {
        slack.close();
        adapter.close();
        feedbackLog.close();
        api.close();
    }

    @Test
    void answers_the_url_verification_challenge() {
        var response =
                slack.post(SlackPayloads.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void rejects_a_request_with_a_bad_signature() {
        String body = mention("Ev1", "how many holidays?", "1700000001.000100", null);

        var response = slack.post(body, Instant.now().getEpochSecond(), "not-the-secret", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(core.questions()).isEmpty();
    }

    @Test
    void rejects_a_request_with_a_stale_timestamp() {
        String body = mention("Ev1", "how many holidays?", "1700000001.000100", null);
        long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

        var response = slack.post(body, tenMinutesAgo, EventsApiClient.SIGNING_SECRET, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(core.questions()).isEmpty();
    }

    @Test
    void answers_a_mention_in_its_thread_with_blocks_sources_and_feedback_buttons() {
        String ts = api.nextTs();

        var response = slack.post(mention("Ev1", "<@" + BOT_USER + "> how many holidays do I get?", ts, null));

        assertThat(response.statusCode()).isEqualTo(200);
        Call post = api.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(post.param("channel")).isEqualTo(CHANNEL);
        assertThat(post.param("thread_ts")).isEqualTo(ts);
        assertThat(post.param("text")).contains("*25 days*");
        JsonNode blocks = post.blocks();
        assertThat(blocks.get(0).path("block_id").asText()).isEqualTo("docent-answer-0");
        assertThat(blocks.get(0).path("text").path("text").asText())
                .contains("*25 days*")
                .contains("<https://wiki.example.com/holidays|policy>");
        assertThat(blocks.get(1).path("text").path("text").asText())
                .isEqualTo("*Sources*\n1. <https://wiki.example.com/holidays|Holiday policy>");
        assertThat(blocks.get(2).path("elements")).hasSize(2);
        assertThat(core.questions().get(0).text()).isEqualTo("how many holidays do I get?");
        // the sign of work: 👀 on the question, taken away once answered
        assertThat(api.calls("reactions.add").get(0).param("timestamp")).isEqualTo(ts);
        api.await("reactions.remove", 1, WAIT);
    }

    @Test
    void answers_once_when_slack_retries_an_event() {
        String body = mention("Ev1", "<@" + BOT_USER + "> how many holidays?", api.nextTs(), null);

        slack.post(body);
        slack.retry(body, 1);
        slack.retry(body, 2);

        api.await("reactions.remove", 1, WAIT);
        assertThat(api.calls("chat.postMessage")).hasSize(1);
        assertThat(core.questions()).hasSize(1);
    }

    @Test
    void answers_once_when_one_message_arrives_as_app_mention_and_as_message() {
        String ts = api.nextTs();
        String text = "<@" + BOT_USER + "> how many holidays?";

        slack.post(SlackPayloads.message("Ev2", CHANNEL, "channel", PERSON, text, ts, null));
        slack.post(mention("Ev1", text, ts, null));

        api.await("reactions.remove", 1, WAIT);
        assertThat(api.calls("chat.postMessage")).hasSize(1);
        assertThat(core.questions()).hasSize(1);
    }

    @Test
    void answers_a_follow_up_without_a_mention_with_the_thread_as_history() {
        String parent = api.nextTs();
        String question = "<@" + BOT_USER + "> how many holidays do I get?";
        api.personSays(CHANNEL, parent, parent, PERSON, question);
        slack.post(mention("Ev1", question, parent, null));
        api.await("chat.postMessage", 1, WAIT);
        String reply = api.nextTs();
        api.personSays(CHANNEL, parent, reply, PERSON, "and for contractors &amp; interns?");

        slack.post(SlackPayloads.message(
                "Ev2", CHANNEL, "channel", PERSON, "and for contractors &amp; interns?", reply, parent));

        Call answer = api.await("chat.postMessage", 2, WAIT).get(1);
        assertThat(answer.param("thread_ts")).isEqualTo(parent);
        var followUp = core.questions().get(1);
        assertThat(followUp.text()).isEqualTo("and for contractors & interns?");
        assertThat(followUp.history()).hasSize(2);
        assertThat(followUp.history().get(0)).isEqualTo(Turn.user("how many holidays do I get?"));
        assertThat(followUp.history().get(1).role()).isEqualTo(Turn.Role.ASSISTANT);
        assertThat(followUp.history().get(1).text()).contains("25 days").doesNotContain("Sources", "Holiday policy");
        // three messages, two a page: the cursor was followed
        assertThat(api.calls("conversations.replies"))
                .anySatisfy(c -> assertThat(c.param("cursor")).isNotBlank());
    }

    @Test
    void answers_a_follow_up_after_a_restart_by_finding_its_own_answer_in_the_thread() throws Exception {
        String parent = api.nextTs();
        api.personSays(CHANNEL, parent, parent, PERSON, "<@" + BOT_USER + "> how many holidays?");
        slack.post(mention("Ev1", "<@" + BOT_USER + "> how many holidays?", parent, null));
        api.await("reactions.remove", 1, WAIT);
        slack.close();
        adapter.close();
        startAdapter(settings().build());
        String reply = api.nextTs();
        api.personSays(CHANNEL, parent, reply, PERSON, "and for interns?");

        slack.post(SlackPayloads.message("Ev2", CHANNEL, "channel", PERSON, "and for interns?", reply, parent));

        assertThat(api.await("chat.postMessage", 2, WAIT).get(1).param("thread_ts"))
                .isEqualTo(parent);
    }

    @Test
    void leaves_alone_replies_in_threads_docent_has_not_answered() throws Exception {
        String parent = api.nextTs();
        String reply = api.nextTs();
        api.personSays(CHANNEL, parent, parent, "U0ALICE", "lunch?");
        api.personSays(CHANNEL, parent, reply, PERSON, "sure");

        slack.post(SlackPayloads.message("Ev1", CHANNEL, "channel", PERSON, "sure", reply, parent));
        api.await("conversations.replies", 1, WAIT);
        Thread.sleep(200); // the worker records what it found
        slack.post(SlackPayloads.message("Ev2", CHANNEL, "channel", PERSON, "pizza?", api.nextTs(), parent));

        Thread.sleep(300);
        assertThat(api.calls("conversations.replies"))
                .as("the second reply hits the memory")
                .hasSize(1);
        assertThat(api.calls("chat.postMessage")).isEmpty();
        assertThat(core.questions()).isEmpty();
    }

    @Test
    void ignores_its_own_messages_other_bots_edits_and_joins() {
        var own = SlackPayloads.messageEvent(CHANNEL, "channel", BOT_USER, "an answer", api.nextTs(), null)
                .put("bot_id", LocalSlackApi.BOT_ID);
        var bot = SlackPayloads.messageEvent(
                        CHANNEL, "channel", "U0OTHER", "<@" + BOT_USER + "> hi", api.nextTs(), null)
                .put("bot_id", "B0OTHER");
        var join = SlackPayloads.messageEvent(CHANNEL, "channel", PERSON, "<@U0PAT> has joined", api.nextTs(), null)
                .put("subtype", "channel_join");
        var edit = SlackPayloads.messageEvent(
                CHANNEL, "channel", PERSON, "<@" + BOT_USER + "> edited", api.nextTs(), null);
        edit.putObject("edited").put("user", PERSON).put("ts", api.nextTs());

        for (var event : List.of(own, bot, join, edit)) {
            assertThat(slack.post(SlackPayloads.callback("Ev-" + event.get("ts").asText(), event))
                            .statusCode())
                    .isEqualTo(200);
        }
        // then a question that is answered: once its answer is posted, work started for the events above would have
        // reached the core too, so "nothing else was asked" is checked after the workers ran, not before
        String sentinel = api.nextTs();
        slack.post(mention("Ev-sentinel", "<@" + BOT_USER + "> how many holidays?", sentinel, null));
        Call answer = api.await("chat.postMessage", 1, WAIT).get(0);

        assertThat(answer.param("thread_ts")).isEqualTo(sentinel);
        assertThat(core.questions()).hasSize(1);
        assertThat(api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void answers_other_bots_when_configured_to() throws Exception {
        slack.close();
        adapter.close();
        startAdapter(settings().ignoreBots(false).build());
        var bot = SlackPayloads.messageEvent(
                        CHANNEL, "channel", "U0OTHER", "<@" + BOT_USER + "> hi?", api.nextTs(), null)
                .put("bot_id", "B0OTHER");

        slack.post(SlackPayloads.callback("Ev1", bot));

        api.await("chat.postMessage", 1, WAIT);
    }

    @Test
    void replies_with_help_to_an_empty_mention() {
        slack.post(mention("Ev1", "<@" + BOT_USER + ">  ", api.nextTs(), null));

        assertThat(api.await("chat.postMessage", 1, WAIT).get(0).param("text")).contains("Ask me a question");
        assertThat(core.questions()).isEmpty();
    }

    @Test
    void answers_every_direct_message_and_shows_the_assistant_status() {
        String ts = api.nextTs();

        slack.post(SlackPayloads.message("Ev1", "D0PAT", "im", PERSON, "how many holidays?", ts, null));

        Call post = api.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(post.param("channel")).isEqualTo("D0PAT");
        assertThat(post.param("thread_ts")).isEqualTo(ts);
        Call status = api.calls("assistant.threads.setStatus").get(0);
        assertThat(status.param("channel_id")).isEqualTo("D0PAT");
        assertThat(status.param("thread_ts")).isEqualTo(ts);
        assertThat(api.calls("reactions.add")).isEmpty();
    }

    @Test
    void falls_back_to_a_placeholder_updated_with_the_answer_when_reactions_are_not_allowed() {
        api.failAlways("reactions.add", "missing_scope");

        slack.post(mention("Ev1", "<@" + BOT_USER + "> how many holidays?", api.nextTs(), null));

        Call update = api.await("chat.update", 1, WAIT).get(0);
        Call placeholder = api.calls("chat.postMessage").get(0);
        assertThat(placeholder.param("text")).contains("Searching");
        assertThat(update.param("text")).contains("25 days");
        assertThat(update.blocks().get(0).path("block_id").asText()).isEqualTo("docent-answer-0");
        assertThat(api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void retries_chat_post_message_after_slack_says_429() {
        api.respondOnce(
                "chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "2"));

        slack.post(mention("Ev1", "<@" + BOT_USER + "> how many holidays?", api.nextTs(), null));

        api.await("reactions.remove", 1, WAIT);
        assertThat(api.calls("chat.postMessage")).hasSize(2);
        assertThat(hooks.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void tells_the_person_with_a_reference_id_when_the_core_throws() {
        core.answerWith(q -> {
            throw new IllegalStateException("boom");
        });

        slack.post(mention("Ev1", "<@" + BOT_USER + "> how many holidays?", api.nextTs(), null));

        String text = api.await("chat.postMessage", 1, WAIT).get(0).param("text");
        assertThat(text).contains("Sorry, something went wrong").containsPattern("reference id-\\d+");
    }

    @Test
    void tells_the_person_with_a_reference_id_when_the_core_fails() {
        core.answerWith(q -> Answer.failed("The document index is not available right now."));

        slack.post(mention("Ev1", "<@" + BOT_USER + "> how many holidays?", api.nextTs(), null));

        Call post = api.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(post.param("text")).contains("not available").containsPattern("Reference: id-\\d+");
        assertThat(post.blocks().toString()).doesNotContain("docent_feedback_up");
    }

    @Test
    void replaces_the_placeholder_with_an_honest_reply_when_posting_the_answer_fails() {
        api.failAlways("reactions.add", "missing_scope");
        api.respondOnce("chat.update", 200, "{\"ok\":false,\"error\":\"invalid_blocks\"}", Map.of());
        api.respondOnce(
                "chat.postMessage", 200, "{\"ok\":true,\"channel\":\"C0GENERAL\",\"ts\":\"1.000100\"}", Map.of());
        api.respondOnce("chat.postMessage", 200, "{\"ok\":false,\"error\":\"invalid_blocks\"}", Map.of());

        slack.post(mention("Ev1", "<@" + BOT_USER + "> how many holidays?", api.nextTs(), null));

        Call honest = api.await("chat.update", 2, WAIT).get(1);
        assertThat(honest.param("ts")).isEqualTo("1.000100");
        assertThat(honest.param("text")).contains("Sorry, something went wrong").containsPattern("reference id-\\d+");
    }

    @Test
    void tells_people_docent_is_busy_when_the_service_turns_the_question_away() throws Exception {
        core.answerWith(q -> Answer.busy()); // the service's admission control is full

        String ts = api.nextTs();
        slack.post(mention("Ev1", "<@" + BOT_USER + "> one?", ts, null));

        Call busy = api.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(busy.param("text")).isEqualTo(UserTexts.BUSY);
        assertThat(busy.param("thread_ts")).isEqualTo(ts);
        assertThat(busy.blocks().toString()).doesNotContain("docent_feedback_up"); // not a turn of the thread
        io.docent.slack.testing.Eventually.until(
                WAIT,
                () -> adapter.metrics().snapshot().get("slack_busy_replies") == 1L,
                () -> "busy replies counted: " + adapter.metrics().snapshot());
    }

    @Test
    void answers_many_questions_at_once_without_a_queue_of_its_own() throws Exception {
        var release = new CountDownLatch(1);
        core.answerWith(q -> {
            await(release);
            return CannedAnswerer.HOLIDAYS;
        });
        for (int i = 0; i < 20; i++) {
            slack.post(mention("Ev" + i, "<@" + BOT_USER + "> question " + i + "?", api.nextTs(), null));
        }
        io.docent.slack.testing.Eventually.until(
                WAIT,
                () -> core.questions().size() == 20,
                () -> "asked so far: " + core.questions().size());
        release.countDown();

        assertThat(api.await("chat.postMessage", 20, WAIT)).hasSize(20);
    }

    @Test
    void records_a_vote_in_the_feedback_log_and_thanks_the_voter() throws Exception {
        String ts = api.nextTs();
        slack.post(mention("Ev1", "<@" + BOT_USER + "> how many holidays?", ts, null));
        Call post = api.await("chat.postMessage", 1, WAIT).get(0);
        String answerId =
                post.blocks().get(2).path("elements").get(0).path("value").asText();

        var response = slack.postInteraction(
                SlackPayloads.blockAction("docent_feedback_down", answerId, PERSON, CHANNEL, api.nextTs(), ts));

        assertThat(response.statusCode()).isEqualTo(200);
        Call thanks = api.await("chat.postEphemeral", 1, WAIT).get(0);
        assertThat(thanks.param("user")).isEqualTo(PERSON);
        assertThat(thanks.param("thread_ts")).isEqualTo(ts);
        List<String> lines = Files.readAllLines(dir.resolve("feedback.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode record = JSON.readTree(lines.get(0));
        assertThat(record.get("vote").asText()).isEqualTo("down");
        assertThat(record.get("question").asText()).isEqualTo("how many holidays?");
        assertThat(record.get("answer").asText()).contains("25 days");
        assertThat(record.get("sources").get(0).asText()).isEqualTo("https://wiki.example.com/holidays");
        assertThat(record.get("user").asText()).isEqualTo(PERSON);
        assertThat(record.get("channel").asText()).isEqualTo(CHANNEL);
        assertThat(record.get("timestamp").asText()).isEqualTo(TestHooks.NOW.toString());
        assertThat(adapter.metrics().snapshot()).containsEntry("slack_feedback_down", 1L);
    }

    @Test
    void resolves_mentions_of_people_to_their_names_asking_slack_once() {
        slack.post(mention("Ev1", "<@" + BOT_USER + "> what does <@U0ALICE> approve?", api.nextTs(), null));
        slack.post(mention("Ev2", "<@" + BOT_USER + "> and <@U0ALICE|alice> in <#C0HR|hr>?", api.nextTs(), null));

        api.await("chat.postMessage", 2, WAIT);
        assertThat(core.questions())
                .extracting(q -> q.text())
                .containsExactlyInAnyOrder("what does @Alice approve?", "and @Alice in #hr?");
        assertThat(api.calls("users.info"))
                .filteredOn(c -> "U0ALICE".equals(c.param("user")))
                .hasSize(1);
    }

    @Test
    void refuses_to_start_with_a_bot_token_slack_rejects() {
        var wrong = SlackSettings.builder("xoxb-wrong-secret-value")
                .apiUrl(api.url())
                .build();

        assertThatThrownBy(() -> SlackAdapter.create(wrong, core, hooks.hooks()))
                .isInstanceOf(DocentException.AuthenticationFailed.class)
                .hasMessageContaining("SLACK_BOT_TOKEN")
                .hasMessageContaining("invalid_auth")
                .hasMessageNotContaining("xoxb-wrong-secret-value");
    }

    private static String mention(String eventId, String text, String ts, String threadTs) {
        return SlackPayloads.appMention(eventId, CHANNEL, PERSON, text, ts, threadTs);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
