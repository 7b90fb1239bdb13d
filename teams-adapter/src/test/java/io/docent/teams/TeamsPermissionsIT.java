package io.docent.teams;

import static io.docent.teams.testing.Fixtures.APP_ID;
import static io.docent.teams.testing.Fixtures.CHANNEL_ID;
import static io.docent.teams.testing.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
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
import io.docent.core.memory.CaffeineConversationStore;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.core.pipeline.AnswerPipeline;
import io.docent.core.pipeline.Retriever;
import io.docent.teams.message.AnswerMessage;
import io.docent.teams.scope.TeamsScopes;
import io.docent.teams.testing.FakeBotConnector;
import io.docent.teams.testing.FakeBotConnector.Received;
import io.docent.teams.testing.FixedTokenCredentials;
import io.docent.teams.testing.Fixtures;
import io.docent.teams.testing.LocalOpenIdServer;
import io.docent.teams.testing.People;
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
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who sees what in Teams, end to end: real-shaped activities posted to {@code /api/messages} with signed tokens, the
 * askers and conversations looked up in a local Bot Connector, and the real answer pipeline over a Lucene index with
 * the bundled embedding model, behind the access policy and a directory file. The index holds a salary page only
 * {@code group:hr} may read and a public lunch page; Alice is in {@code group:hr}, Bob is not, and the directory also
 * puts the guest Gina and Eve of another organisation in {@code group:hr}, which must not help them.
 */
class TeamsPermissionsIT {

    private final RememberedAnswers remembered = new RememberedAnswers();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SALARY_QUESTION = "What is the salary band for an L3 software engineer?";
    private static final String LUNCH_QUESTION = "When does the canteen serve lunch?";
    private static final String SALARY_FIGURE = "82,000";
    private static final String SALARY_URL = "https://intranet.example.com/hr/salary-bands";
    private static final String HR_CHANNEL = "19:5a1a4b0c7d2e4f6a8b9c0d1e2f3a4b5c@thread.tacv2";
    private static final String EXTERNAL_CHAT = "external";

    @TempDir
    static Path shared;

    private static Embedder embedder;
    private static SearchIndex index;
    private static LocalOpenIdServer keys;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeBotConnector connector;
    private TeamsAdapter adapter;
    private HttpServer server;

    @BeforeAll
    static void indexPagesAndServeKeys() {
        embedder = new OnnxEmbedder();
        index = LuceneSearchIndex.open(shared.resolve("index"), embedder.modelName(), embedder.dimension());
        page(
                "salary",
                "Salary bands 2025",
                SALARY_URL,
                "Salary bands for 2025: software engineers at level L3 earn between 82,000 and 95,000 EUR a year;"
                        + " level L4 between 96,000 and 115,000 EUR. HR reviews the salary bands every April.",
                Set.of("group:hr"));
        page(
                "lunch",
                "Canteen and lunch",
                "https://intranet.example.com/facilities/lunch",
                "The staff canteen on the ground floor serves lunch from 11:30 to 14:00 every weekday. The weekly"
                        + " lunch menu is posted on the intranet every Monday.",
                Set.of(AccessGroups.PUBLIC));
        keys = LocalOpenIdServer.start();
    }

    @AfterAll
    static void close() {
        index.close();
        keys.close();
    }

    private static void page(String id, String title, String url, String text, Set<String> groups) {
        var chunk = new Chunk(id + "#0", id, "intranet", "", title, url, "", text, 0, "hash-" + id, null, groups, null);
        index.replaceDocument(
                id,
                List.of(chunk.withEmbedding(embedder.embedPassages(List.of(chunk.textForEmbedding()))
                        .getFirst())));
    }

    @BeforeEach
    void start() throws Exception {
        connector = FakeBotConnector.start()
                .roster(personalChat("alice"), People.ALICE)
                .roster(personalChat("bob"), People.BOB)
                .roster(personalChat("gina"), People.GINA_GUEST)
                .roster(personalChat("eve"), People.EVE_EXTERNAL)
                .roster(CHANNEL_ID, People.ALICE, People.BOB, People.MEGAN, People.GINA_GUEST)
                .roster(HR_CHANNEL, People.ALICE, People.BOB, People.MEGAN)
                .roster("19:groupchat-" + EXTERNAL_CHAT + "@thread.v2", People.ALICE, People.EVE_EXTERNAL);
        Path directory = Files.writeString(dir.resolve("directory.json"), """
                {"people": [
                   {"email": "alice@example.com", "groups": ["group:hr"]},
                   {"email": "bob@example.com", "groups": []},
                   {"email": "megan@example.com", "groups": []},
                   {"email": "gina@partner.example", "groups": ["group:hr"]},
                   {"email": "eve@other.example", "groups": ["group:hr"]}],
                 "everyone": []}
                """);
        Path scopes = Files.writeString(dir.resolve("scopes.json"), """
                {"channels": {"C0SLACKHR": {"accessGroups": ["group:hr"]}},
                 "teams": {"channels": {"%s": {"accessGroups": ["group:hr"]}}}}
                """.formatted(HR_CHANNEL));
        var pipeline = AnswerPipeline.builder(new Retriever(index, embedder), new ExtractiveGenerator())
                .access(new AccessPolicy(new DirectoryFile(directory)))
                .build();
        adapter = TeamsAdapter.builder(
                        TeamsSettings.singleTenant(APP_ID, "secret", TENANT), pipeline, new CaffeineConversationStore())
                .authEndpoints(keys.endpoints())
                .credentials(new FixedTokenCredentials(APP_ID))
                .scopes(TeamsScopes.load(scopes))
                .feedback(new FeedbackRecorder(
                        new AnsweredMessages(remembered),
                        JsonLinesFeedbackLog.open(dir.resolve("feedback.jsonl")),
                        Clock.systemUTC()))
                .build();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
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

    private static String personalChat(String chat) {
        return "a:1pErSoNaLcHaT-" + chat;
    }

    private Fixtures activity(String name) {
        return Fixtures.activity(name).with("serviceUrl", connector.serviceUrl());
    }

    private HttpResponse<String> post(Fixtures activity) throws Exception {
        String token = keys.sign(keys.channelToken(APP_ID, connector.serviceUrl()));
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/api/messages"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(activity.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the question and returns the answer the bot sent to the connector (after its typing indicator). */
    private Received ask(Fixtures question) throws Exception {
        assertThat(post(question).statusCode()).isEqualTo(202);
        while (true) {
            Received sent = connector.next(WAIT);
            if (sent.type().equals("message")) {
                return sent;
            }
        }
    }

    private static String text(Received answer) {
        return answer.body().path("text").asText();
    }

    /** Everything the sources show: the message's Teams citations (titles, links, snippets). */
    private static String sources(Received answer) {
        return answer.body().path("entities").toString();
    }

    private static void assertNothingOfTheSalaryPage(Received answer) {
        assertThat(text(answer)).doesNotContain(SALARY_FIGURE).doesNotContainIgnoringCase("salary bands");
        assertThat(sources(answer)).doesNotContain(SALARY_URL).doesNotContain("Salary bands 2025");
    }

    private Fixtures personal(String chat, FakeBotConnector.Member who, String question) {
        return activity("personal-message").with("chat", chat).from(who).with("text", question);
    }

    private Fixtures inChannel(String channel, String root, FakeBotConnector.Member who, String question) {
        return activity("channel-mention")
                .with("channel", channel)
                .with("root", root)
                .from(who)
                .with("text", question);
    }

    private List<JsonNode> feedback() throws Exception {
        return Files.readAllLines(dir.resolve("feedback.jsonl")).stream()
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void alice_in_her_1_1_chat_is_answered_from_the_salary_page_she_may_read() throws Exception {
        Received answer = ask(personal("alice", People.ALICE, SALARY_QUESTION));

        assertThat(text(answer)).contains(SALARY_FIGURE).contains("[1]").doesNotContain("1:1 chat");
        assertThat(sources(answer)).contains("Salary bands 2025").contains(SALARY_URL);
        assertThat(connector.lookups())
                .extracting(Received::path)
                .contains("/v3/conversations/" + personalChat("alice") + "/members/" + People.ALICE.id());
    }

    @Test
    void bob_in_his_1_1_chat_does_not_see_the_salary_page() throws Exception {
        Received answer = ask(personal("bob", People.BOB, SALARY_QUESTION));

        assertNothingOfTheSalaryPage(answer);
    }

    @Test
    void a_guest_gets_public_documents_only_whatever_the_directory_says() throws Exception {
        Received salary = ask(personal("gina", People.GINA_GUEST, SALARY_QUESTION));
        Received lunch = ask(personal("gina", People.GINA_GUEST, LUNCH_QUESTION));

        assertNothingOfTheSalaryPage(salary);
        assertThat(text(lunch)).contains("11:30");
        assertThat(sources(lunch)).contains("Canteen and lunch");
    }

    @Test
    void a_member_of_another_tenant_gets_public_documents_only_whatever_the_directory_says() throws Exception {
        Received answer = ask(personal("eve", People.EVE_EXTERNAL, SALARY_QUESTION));

        assertNothingOfTheSalaryPage(answer);
    }

    @Test
    void alice_in_a_channel_with_a_guest_is_answered_for_the_channel_and_offered_the_1_1_chat() throws Exception {
        Received answer = ask(inChannel(CHANNEL_ID, "1741080001001", People.ALICE, SALARY_QUESTION));

        assertNothingOfTheSalaryPage(answer);
        assertThat(text(answer)).endsWith(AnswerMessage.MORE_IN_PRIVATE);
        assertThat(connector.lookups())
                .extracting(Received::path)
                .contains("/v3/conversations/" + CHANNEL_ID + "/pagedmembers");
    }

    @Test
    void alice_in_a_group_chat_with_another_tenants_member_is_answered_for_the_chat() throws Exception {
        Received answer = ask(activity("group-chat-message")
                .with("chat", EXTERNAL_CHAT)
                .from(People.ALICE)
                .with("text", SALARY_QUESTION));

        assertNothingOfTheSalaryPage(answer);
        assertThat(text(answer)).endsWith(AnswerMessage.MORE_IN_PRIVATE);
    }

    @Test
    void a_channel_of_own_people_that_the_scope_file_grants_hr_shows_the_salary_page_to_its_members() throws Exception {
        Received answer = ask(inChannel(HR_CHANNEL, "1741080001002", People.BOB, SALARY_QUESTION));

        assertThat(text(answer)).contains(SALARY_FIGURE);
        assertThat(sources(answer)).contains(SALARY_URL);
    }

    @Test
    void the_grant_follows_the_conversation_the_reply_goes_to_not_the_channel_that_channel_data_names()
            throws Exception {
        Received answer = ask(inChannel(CHANNEL_ID, "1741080001003", People.ALICE, SALARY_QUESTION)
                .with("claimedChannel", HR_CHANNEL));

        assertNothingOfTheSalaryPage(answer);
        assertThat(answer.path()).startsWith("/v3/conversations/" + CHANNEL_ID + ";messageid=1741080001003/");
    }

    @Test
    void the_feedback_log_carries_what_the_channel_was_shown_and_no_private_answer() throws Exception {
        Received inChannel = ask(inChannel(CHANNEL_ID, "1741080001004", People.ALICE, SALARY_QUESTION));
        Received inPrivate = ask(personal("alice", People.ALICE, SALARY_QUESTION));
        assertThat(text(inPrivate)).contains(SALARY_FIGURE);
        remembered.awaitOne(WAIT);
        remembered.awaitOne(WAIT);

        for (String messageId : List.of(inChannel.id(), inPrivate.id())) {
            HttpResponse<String> vote = post(activity("channel-feedback-submit")
                    .with("root", "1741080001004")
                    .from(People.ALICE)
                    .with("replyToId", messageId)
                    .with("reaction", "dislike"));
            assertThat(vote.statusCode()).isEqualTo(200);
        }

        List<JsonNode> records = feedback();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("question").asText()).isEqualTo(SALARY_QUESTION);
        assertThat(records.get(0).path("answer").asText()).isNotEmpty();
        assertThat(text(inChannel)).startsWith(records.get(0).path("answer").asText());
        assertThat(records.get(1).path("question").asText()).isEmpty(); // alice's private answer, voted from here
        assertThat(records.get(1).path("answer").asText()).isEmpty();
        assertThat(records).isNotEmpty().allSatisfy(record -> {
            assertThat(record.toString()).doesNotContain(SALARY_FIGURE).doesNotContain(SALARY_URL);
            assertThat(record.toString()).doesNotContain("alice@example.com");
            assertThat(record.path("channel").asText()).isEqualTo(CHANNEL_ID);
        });
    }
}
