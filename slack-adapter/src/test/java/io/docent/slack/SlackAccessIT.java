package io.docent.slack;

import static io.docent.slack.testing.LocalSlackApi.BOT_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.Answer;
import io.docent.core.Asker;
import io.docent.core.Audience;
import io.docent.core.Citation;
import io.docent.core.Identity;
import io.docent.core.Identity.Standing;
import io.docent.core.Question;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who asks and who sees the answer, as the adapter tells the core (a canned core records the {@link Asker} of each
 * question), and the fuller answer sent privately when a channel answer could say more.
 */
class SlackAccessIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Answer PUBLIC_ANSWER = new Answer(
            "Lunch is served from 12:00 [1].",
            List.of(new Citation(1, "Lunch", "https://wiki.example/lunch", "")),
            Answer.Status.ANSWERED,
            "",
            List.of(),
            Map.of());
    private static final Answer PRIVATE_ANSWER = new Answer(
            "The senior band is 95,000 EUR [1].",
            List.of(new Citation(1, "Salary bands", "https://wiki.example/salaries", "")),
            Answer.Status.ANSWERED,
            "",
            List.of(),
            Map.of());

    @TempDir
    Path dir;

    private LocalSlackApi api;
    private final CannedAnswerer core = new CannedAnswerer();
    private SlackAdapter adapter;
    private JsonLinesFeedbackLog feedbackLog;
    private EventsApiClient slack;

    @BeforeEach
    void start() throws Exception {
        api = new LocalSlackApi();
        api.addUser(SlackPayloads.user("U0ALICE", "Alice", "Alice@Example.com"));
        api.addUser(SlackPayloads.user("U0BOB", "Bob", "bob@example.com"));
        api.addUser(SlackPayloads.user("U0GUEST", "Gita", "gita@agency.example").put("is_restricted", true));
        api.addUser(SlackPayloads.user("U0SINGLE", "Sam", "sam@agency.example")
                .put("is_restricted", true)
                .put("is_ultra_restricted", true));
        api.addUser(SlackPayloads.user("U0PARTNER", "Paula", "paula@partner.example")
                .put("team_id", "T0PARTNER"));
        api.conversation(SlackPayloads.channel("C0GENERAL", "general"), "U0ALICE", "U0BOB", BOT_USER);
        api.conversation(SlackPayloads.channel("C0HR", "hr").put("is_private", true), "U0ALICE", BOT_USER);
        api.conversation(
                SlackPayloads.channel("C0EXT", "ext-partner")
                        .put("is_shared", true)
                        .put("is_ext_shared", true),
                "U0ALICE",
                "U0PARTNER",
                BOT_USER);
        Path scopes = Files.writeString(dir.resolve("scopes.json"), """
                {
                  "channels": { "C0HR": { "accessGroups": ["group:hr"] }, "C0EXT": { "accessGroups": ["group:hr"] } },
                  "teams": { "channels": { "19:x@thread.tacv2": { "accessGroups": ["it-staff"] } } }
                }
                """);
        var settings = SlackSettings.builder(LocalSlackApi.BOT_TOKEN)
                .signingSecret(EventsApiClient.SIGNING_SECRET)
                .apiUrl(api.url())
                .scopeFile(scopes)
                .build();
        feedbackLog = JsonLinesFeedbackLog.open(dir.resolve("feedback.jsonl"));
        adapter = SlackAdapter.create(
                settings,
                core,
                new TestHooks().hooks(),
                new FeedbackRecorder(new AnsweredMessages(), feedbackLog, Clock.systemUTC()));
        slack = new EventsApiClient(adapter.eventsHandler());
    }

    @AfterEach
    void stop() {
        slack.close();
        adapter.close();
        feedbackLog.close();
        api.close();
    }

    private Asker askInDm(String user) {
        int before = core.questions().size();
        String ts = api.nextTs();
        slack.post(SlackPayloads.message("Ev-" + ts, "D0" + user, "im", user, "what is my salary band?", ts, null));
        Eventually.until(WAIT, () -> core.questions().size() > before, () -> "no question from " + user);
        return core.questions().get(before).asker();
    }

    private String mention(String channel, String user) {
        String ts = api.nextTs();
        slack.post(SlackPayloads.appMention(
                "Ev-" + ts, channel, user, "<@" + BOT_USER + "> what is the salary band?", ts, null));
        return ts;
    }

    @Test
    void asks_from_a_direct_message_as_the_member_slack_says_with_their_email() {
        Asker asker = askInDm("U0ALICE");

        assertThat(asker.identity())
                .isEqualTo(new Identity("slack", "U0ALICE", "T0TEAM", "alice@example.com", Standing.MEMBER));
        assertThat(asker.audience()).isEqualTo(Audience.PRIVATE);
    }

    @Test
    void asks_as_a_guest_someone_from_another_organisation_or_nobody_when_slack_says_so() {
        api.invisibleUser("U0HIDDEN", "user_not_visible");

        assertThat(askInDm("U0GUEST").identity().standing()).isEqualTo(Standing.GUEST);
        assertThat(askInDm("U0SINGLE").identity().standing()).isEqualTo(Standing.GUEST);
        assertThat(askInDm("U0PARTNER").identity().standing()).isEqualTo(Standing.EXTERNAL);
        assertThat(askInDm("U0HIDDEN").identity().standing()).isEqualTo(Standing.EXTERNAL);
        api.failAlways("users.info", "internal_error");
        assertThat(askInDm("U0NEW").identity().standing()).isEqualTo(Standing.ANONYMOUS);
    }

    @Test
    void asks_in_a_channel_with_who_is_in_it_and_what_the_scope_file_grants_it() {
        mention("C0GENERAL", "U0ALICE");
        mention("C0HR", "U0ALICE");
        mention("C0EXT", "U0ALICE");
        api.await("chat.postMessage", 3, WAIT);

        assertThat(core.questions())
                .extracting(q -> q.asker().audience())
                .containsExactlyInAnyOrder(
                        new Audience(Audience.Kind.SHARED, Set.of()),
                        new Audience(Audience.Kind.SHARED, Set.of("group:hr")),
                        new Audience(Audience.Kind.SHARED_WITH_OTHER_ORGANISATIONS, Set.of("group:hr")));
        assertThat(core.questions())
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.scope().accessGroups()).isNull());
    }

    @Test
    void forgets_who_is_in_a_channel_when_someone_joins() {
        mention("C0GENERAL", "U0ALICE");
        api.await("chat.postMessage", 1, WAIT);
        api.join("C0GENERAL", "U0GUEST");

        slack.post(SlackPayloads.memberJoined("Ev-join", "C0GENERAL", "U0GUEST"));
        mention("C0GENERAL", "U0ALICE");

        api.await("chat.postMessage", 2, WAIT);
        assertThat(core.questions().get(1).asker().audience().kind()).isEqualTo(Audience.Kind.SHARED_WITH_GUESTS);
    }

    @Test
    void sends_the_fuller_answer_privately_in_the_thread_when_the_channel_answer_could_say_more() {
        core.answerWith(q -> q.asker().audience().isPrivate() ? PRIVATE_ANSWER : PUBLIC_ANSWER.withMoreInPrivate());

        String ts = mention("C0GENERAL", "U0ALICE");

        Call ephemeral = api.await("chat.postEphemeral", 1, WAIT).get(0);
        Call channel = api.calls("chat.postMessage").get(0);
        assertThat(channel.param("text")).contains("Lunch is served").contains("fuller answer privately");
        assertThat(channel.param("text") + channel.blocks()).doesNotContain("95,000", "salaries", "Salary");
        assertThat(ephemeral.param("channel")).isEqualTo("C0GENERAL");
        assertThat(ephemeral.param("user")).isEqualTo("U0ALICE");
        assertThat(ephemeral.param("thread_ts")).isEqualTo(ts);
        assertThat(ephemeral.param("text")).contains("95,000 EUR");
        assertThat(ephemeral.blocks().toString()).contains("<https://wiki.example/salaries|Salary bands>");
        Question shared = core.questions().get(0);
        Question own = core.questions().get(1);
        assertThat(own.text()).isEqualTo(shared.text());
        assertThat(own.history()).isEqualTo(shared.history());
        assertThat(own.scope()).isEqualTo(shared.scope());
        assertThat(own.asker()).isEqualTo(shared.asker().inPrivate());
        assertThat(adapter.metrics().snapshot()).containsEntry("slack_private_answers", 1L);
    }

    @Test
    void sends_the_fuller_answer_as_a_direct_message_when_slack_refuses_the_ephemeral() {
        core.answerWith(q -> q.asker().audience().isPrivate() ? PRIVATE_ANSWER : PUBLIC_ANSWER.withMoreInPrivate());
        api.respondOnce("chat.postEphemeral", 200, "{\"ok\":false,\"error\":\"user_not_in_channel\"}", Map.of());

        mention("C0GENERAL", "U0ALICE");

        Call dm = api.await("chat.postMessage", 2, WAIT).get(1);
        assertThat(api.calls("conversations.open").get(0).param("users")).isEqualTo("U0ALICE");
        assertThat(dm.param("channel")).isEqualTo("DU0ALICE");
        assertThat(dm.param("text")).contains("<#C0GENERAL>").contains("95,000 EUR");
        assertThat(api.calls("chat.postMessage").get(0).param("text")).doesNotContain("95,000");
    }

    @Test
    void offers_nothing_privately_in_a_direct_message_or_when_the_channel_saw_all() {
        core.answerWith(q -> PUBLIC_ANSWER);

        askInDm("U0ALICE");
        mention("C0GENERAL", "U0ALICE");

        api.await("chat.postMessage", 2, WAIT);
        assertThat(api.calls("chat.postEphemeral")).isEmpty();
        assertThat(core.questions()).hasSize(2);
        assertThat(api.calls("chat.postMessage").get(1).param("text")).doesNotContain("privately");
    }

    @Test
    void records_feedback_on_a_private_answer_with_its_text_only_for_its_asker() throws Exception {
        core.answerWith(q -> q.asker().audience().isPrivate() ? PRIVATE_ANSWER : PUBLIC_ANSWER.withMoreInPrivate());
        String ts = mention("C0GENERAL", "U0ALICE");
        Call ephemeral = api.await("chat.postEphemeral", 1, WAIT).get(0);
        Call channel = api.calls("chat.postMessage").get(0);
        String channelAnswerId = answerId(channel.blocks());
        String privateAnswerId = answerId(ephemeral.blocks());

        slack.postInteraction(
                SlackPayloads.blockAction("docent_feedback_up", channelAnswerId, "U0BOB", "C0GENERAL", "1.1", ts));
        slack.postInteraction(
                SlackPayloads.ephemeralBlockAction("docent_feedback_up", privateAnswerId, "U0ALICE", "C0GENERAL"));
        slack.postInteraction(
                SlackPayloads.ephemeralBlockAction("docent_feedback_down", privateAnswerId, "U0BOB", "C0GENERAL"));

        Path log = dir.resolve("feedback.jsonl");
        Eventually.until(WAIT, () -> lines(log).size() == 3, () -> "feedback lines: " + lines(log));
        List<JsonNode> records = lines(log).stream().map(SlackAccessIT::json).toList();
        JsonNode bobOnChannel = records.stream()
                .filter(r -> r.get("vote").asText().equals("up")
                        && r.get("user").asText().equals("U0BOB"))
                .findFirst()
                .orElseThrow();
        assertThat(bobOnChannel.get("answer").asText()).contains("Lunch").doesNotContain("95,000");
        assertThat(bobOnChannel.get("sources").toString()).doesNotContain("salaries");
        JsonNode alice = records.stream()
                .filter(r -> r.get("user").asText().equals("U0ALICE"))
                .findFirst()
                .orElseThrow();
        assertThat(alice.get("answer").asText()).contains("95,000");
        assertThat(alice.get("sources").get(0).asText()).isEqualTo("https://wiki.example/salaries");
        JsonNode bobOnPrivate = records.stream()
                .filter(r -> r.get("vote").asText().equals("down"))
                .findFirst()
                .orElseThrow();
        assertThat(bobOnPrivate.toString()).doesNotContain("95,000", "salaries", "salary band");
    }

    private static String answerId(JsonNode blocks) {
        for (JsonNode block : blocks) {
            if (block.path("block_id").asText().equals("docent-feedback")) {
                return block.path("elements").get(0).path("value").asText();
            }
        }
        throw new AssertionError("no feedback buttons in " + blocks);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
