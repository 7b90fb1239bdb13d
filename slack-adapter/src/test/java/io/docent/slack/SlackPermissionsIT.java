package io.docent.slack;

import static io.docent.slack.testing.LocalSlackApi.BOT_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.AccessGroups;
import io.docent.core.Chunk;
import io.docent.core.Embedder;
import io.docent.core.SearchIndex;
import io.docent.core.access.AccessPolicy;
import io.docent.core.access.DirectoryFile;
import io.docent.core.extractive.ExtractiveGenerator;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.core.feedback.JsonLinesFeedbackLog;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.core.pipeline.AnswerPipeline;
import io.docent.core.pipeline.Retriever;
import io.docent.slack.testing.EventsApiClient;
import io.docent.slack.testing.Eventually;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.LocalSlackApi.Call;
import io.docent.slack.testing.SlackPayloads;
import io.docent.slack.testing.TestHooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each person sees only what they may read, end to end: Slack in front of the real answer pipeline (a Lucene index on
 * disk, the bundled embedding model, the extractive answerer) with the access policy over a directory file. A salary
 * page readable by {@code group:hr} and a public lunch page; Alice holds {@code group:hr}, Bob does not, and so do
 * (per the directory) a guest and a Slack Connect user, who still must not see it.
 */
class SlackPermissionsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "What is the salary band for a senior engineer?";
    private static final String SALARY_FIGURE = "95,000";
    private static final String SALARY_URL = "https://wiki.example/hr/salary-bands";
    private static final String LUNCH_URL = "https://wiki.example/office/lunch";

    @TempDir
    static Path dir;

    static Embedder embedder;
    static SearchIndex index;

    private LocalSlackApi api;
    private SlackAdapter adapter;
    private JsonLinesFeedbackLog feedbackLog;
    private EventsApiClient slack;
    private Path feedback;

    @BeforeAll
    static void indexTwoPages() {
        embedder = new OnnxEmbedder();
        index = LuceneSearchIndex.open(dir.resolve("index"), embedder.modelName(), embedder.dimension());
        add(
                "salary-bands",
                "Salary bands 2025",
                "HR",
                SALARY_URL,
                "Salary bands 2025: the salary band for a senior engineer is 95,000 to 120,000 EUR a year. Bands"
                        + " are reviewed every April by HR.",
                Set.of("group:hr"));
        add(
                "lunch",
                "Lunch in the office",
                "OFFICE",
                LUNCH_URL,
                "Lunch in the office canteen is served from 12:00 to 14:00 and costs 5 EUR for employees.",
                Set.of(AccessGroups.PUBLIC));
    }

    @AfterAll
    static void closeIndex() {
        index.close();
    }

    @BeforeEach
    void start() throws Exception {
        api = new LocalSlackApi();
        api.addUser(SlackPayloads.user("U0ALICE", "Alice", "alice@example.com"));
        api.addUser(SlackPayloads.user("U0BOB", "Bob", "bob@example.com"));
        api.addUser(SlackPayloads.user("U0SAM", "Sam", "sam@agency.example")
                .put("is_restricted", true)
                .put("is_ultra_restricted", true));
        api.addUser(
                SlackPayloads.user("U0PAULA", "Paula", "paula@partner.example").put("team_id", "T0PARTNER"));
        api.conversation(SlackPayloads.channel("C0GENERAL", "general"), "U0ALICE", "U0BOB", BOT_USER);
        api.conversation(SlackPayloads.channel("C0HR", "hr").put("is_private", true), "U0ALICE", "U0BOB", BOT_USER);
        api.conversation(
                SlackPayloads.channel("C0EXT", "ext-partner")
                        .put("is_shared", true)
                        .put("is_ext_shared", true),
                "U0ALICE",
                "U0PAULA",
                BOT_USER);
        Path directory = Files.writeString(dir.resolve("directory.json"), """
                {"people": [
                   {"email": "alice@example.com", "groups": ["group:hr"]},
                   {"email": "bob@example.com", "groups": ["group:eng"]},
                   {"email": "sam@agency.example", "groups": ["group:hr"]},
                   {"email": "paula@partner.example", "groups": ["group:hr"]}],
                 "everyone": ["confluence-users"]}
                """);
        Path scopes = Files.writeString(dir.resolve("scopes.json"), """
                {"channels": {"C0HR": {"accessGroups": ["group:hr"]}, "C0EXT": {"accessGroups": ["group:hr"]}},
                 "teams": {"default": {"sources": ["handbook"]}}}
                """);
        feedback = dir.resolve("feedback-" + System.nanoTime() + ".jsonl");
        var pipeline = AnswerPipeline.builder(new Retriever(index, embedder), new ExtractiveGenerator())
                .access(new AccessPolicy(new DirectoryFile(directory)))
                .build();
        var settings = SlackSettings.builder(LocalSlackApi.BOT_TOKEN)
                .signingSecret(EventsApiClient.SIGNING_SECRET)
                .apiUrl(api.url())
                .scopeFile(scopes)
                .build();
        feedbackLog = JsonLinesFeedbackLog.open(feedback);
        adapter = SlackAdapter.create(
                settings,
                pipeline,
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

    @Test
    void alice_in_a_direct_message_gets_the_salary_band_with_its_source_and_her_vote_keeps_it() {
        Call answer = askInDm("U0ALICE");

        assertThat(answer.param("text")).contains(SALARY_FIGURE);
        assertThat(sources(answer)).contains("<" + SALARY_URL + "|Salary bands 2025>");
        JsonNode record = vote(answer, "U0ALICE", "D0U0ALICE");
        assertThat(record.get("answer").asText()).contains(SALARY_FIGURE);
        assertThat(record.get("sources").toString()).contains(SALARY_URL);
    }

    @Test
    void bob_who_is_not_in_hr_does_not_get_it_in_a_direct_message() {
        assertNoSalary(askInDm("U0BOB"));
    }

    @Test
    void a_single_channel_guest_does_not_get_it_even_when_the_directory_lists_them_in_hr() {
        assertNoSalary(askInDm("U0SAM"));
    }

    @Test
    void a_slack_connect_user_does_not_get_it_even_when_the_directory_lists_them_in_hr() {
        assertNoSalary(askInDm("U0PAULA"));
    }

    @Test
    void alice_in_general_gets_what_everyone_there_may_read_and_the_salary_band_privately() {
        String ts = mention("C0GENERAL", "U0ALICE");

        Call ephemeral = api.await("chat.postEphemeral", 1, WAIT).get(0);
        Call channel = api.calls("chat.postMessage").get(0);
        assertNoSalary(channel);
        assertThat(channel.param("text")).contains("fuller answer privately");
        assertThat(ephemeral.param("user")).isEqualTo("U0ALICE");
        assertThat(ephemeral.param("thread_ts")).isEqualTo(ts);
        assertThat(ephemeral.param("text")).contains(SALARY_FIGURE);
        assertThat(sources(ephemeral)).contains("<" + SALARY_URL + "|Salary bands 2025>");
        JsonNode bobsVote = vote(channel, "U0BOB", "C0GENERAL");
        assertThat(bobsVote.toString()).doesNotContain(SALARY_FIGURE, SALARY_URL);
        assertThat(bobsVote.get("question").asText()).isEqualTo(QUESTION);
    }

    @Test
    void a_channel_shared_with_another_organisation_gets_public_documents_only_despite_its_grant() {
        mention("C0EXT", "U0ALICE");

        Call channel = api.await("chat.postMessage", 1, WAIT).get(0);
        assertNoSalary(channel);
        Eventually.until(WAIT, () -> !api.calls("chat.postEphemeral").isEmpty(), () -> "no private answer");
        assertThat(api.calls("chat.postEphemeral").get(0).param("user")).isEqualTo("U0ALICE");
    }

    @Test
    void a_channel_granted_hr_in_the_scope_file_answers_from_the_salary_page_to_any_member() {
        mention("C0HR", "U0BOB");

        Call channel = api.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(channel.param("text")).contains(SALARY_FIGURE);
        assertThat(sources(channel)).contains(SALARY_URL);
        assertThat(api.calls("chat.postEphemeral")).isEmpty();
    }

    private Call askInDm(String user) {
        String ts = api.nextTs();
        slack.post(SlackPayloads.message("Ev-" + ts, "D0" + user, "im", user, QUESTION, ts, null));
        return api.await("chat.postMessage", 1, WAIT).get(0);
    }

    private String mention(String channel, String user) {
        String ts = api.nextTs();
        api.personSays(channel, ts, ts, user, "<@" + BOT_USER + "> " + QUESTION);
        slack.post(SlackPayloads.appMention("Ev-" + ts, channel, user, "<@" + BOT_USER + "> " + QUESTION, ts, null));
        return ts;
    }

    private static void assertNoSalary(Call message) {
        assertThat(message.param("text")).doesNotContain(SALARY_FIGURE, "120,000");
        assertThat(message.blocks().toString()).doesNotContain(SALARY_FIGURE, SALARY_URL, "Salary bands 2025");
    }

    private static String sources(Call message) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode block : message.blocks()) {
            if (block.path("block_id").asText().startsWith("docent-sources-")) {
                sb.append(block.path("text").path("text").asText());
            }
        }
        return sb.toString();
    }

    /** {@code user} clicks 👍 under {@code message}; returns the feedback record written. */
    private JsonNode vote(Call message, String user, String channel) {
        String answerId = null;
        for (JsonNode block : message.blocks()) {
            if (block.path("block_id").asText().equals("docent-feedback")) {
                answerId = block.path("elements").get(0).path("value").asText();
            }
        }
        slack.postInteraction(SlackPayloads.blockAction(
                "docent_feedback_up", answerId, user, channel, api.nextTs(), message.param("thread_ts")));
        Eventually.until(WAIT, () -> lines().size() == 1, () -> "feedback lines: " + lines());
        try {
            return JSON.readTree(lines().get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines() {
        try {
            return Files.exists(feedback) ? Files.readAllLines(feedback) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(String id, String title, String space, String url, String text, Set<String> groups) {
        var chunk = new Chunk(id + "#0", id, "wiki", space, title, url, "", text, 0, "hash-" + id, null, groups, null);
        index.replaceDocument(
                id,
                List.of(chunk.withEmbedding(embedder.embedPassages(List.of(chunk.textForEmbedding()))
                        .getFirst())));
    }
}
