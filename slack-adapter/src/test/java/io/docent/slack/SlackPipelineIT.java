package io.docent.slack;

import static io.docent.slack.testing.LocalSlackApi.BOT_USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.AccessGroups;
import io.docent.core.Chunk;
import io.docent.core.Embedder;
import io.docent.core.SearchIndex;
import io.docent.core.extractive.ExtractiveGenerator;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.core.pipeline.AnswerPipeline;
import io.docent.core.pipeline.Retriever;
import io.docent.slack.testing.EventsApiClient;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.SlackPayloads;
import io.docent.slack.testing.TestHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack in front of the real answer pipeline (a Lucene index on disk, the bundled embedding model, the extractive
 * answerer): answers with sources, follow-ups through the thread's history, and channel scopes. The handbook is
 * public; who may read what is {@link SlackPermissionsIT}'s business.
 */
class SlackPipelineIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static Embedder embedder;
    static SearchIndex index;

    private LocalSlackApi api;
    private SlackAdapter adapter;
    private EventsApiClient slack;

    @BeforeAll
    static void indexHandbook() {
        embedder = new OnnxEmbedder();
        index = LuceneSearchIndex.open(dir.resolve("index"), embedder.modelName(), embedder.dimension());
        add(
                "vpn",
                "VPN Access",
                "IT",
                List.of(
                        "To get VPN access, open a request in the IT portal under Service Desk > Access > VPN. Your manager"
                                + " approves it, then you install the GlobalProtect client and sign in with SSO and MFA."));
        add(
                "leave",
                "Annual Leave Policy",
                "HR",
                List.of(
                        "Employees get 25 days of paid annual leave per year. Up to 5 unused days carry over until 31 March.",
                        "# Contractors\nContractors are not covered by this policy and arrange time off with their agency."));
    }

    @AfterAll
    static void closeIndex() {
        index.close();
    }

    @BeforeEach
    void start() throws Exception {
        api = new LocalSlackApi();
        api.user("U0PAT", "Pat");
        api.conversation(SlackPayloads.channel("C0GENERAL", "general"), "U0PAT", BOT_USER);
        api.conversation(SlackPayloads.channel("C0HR", "hr"), "U0PAT", BOT_USER);
        Path scopes = Files.writeString(dir.resolve("scopes.json"), "{\"channels\":{\"C0HR\":{\"spaces\":[\"HR\"]}}}");
        var pipeline = AnswerPipeline.builder(new Retriever(index, embedder), new ExtractiveGenerator())
                .build();
        var settings = SlackSettings.builder(LocalSlackApi.BOT_TOKEN)
                .signingSecret(EventsApiClient.SIGNING_SECRET)
                .apiUrl(api.url())
                .scopeFile(scopes)
                .build();
        adapter = SlackAdapter.create(settings, pipeline, new TestHooks().hooks());
        slack = new EventsApiClient(adapter.eventsHandler());
    }

    @AfterEach
    void stop() {
        slack.close();
        adapter.close();
        api.close();
    }

    @Test
    void answers_from_the_documents_with_linked_sources_and_follows_up_in_the_thread() {
        String parent = api.nextTs();
        String question = "<@" + BOT_USER + "> How many days of annual leave do I get?";
        api.personSays("C0GENERAL", parent, parent, "U0PAT", question);
        slack.post(SlackPayloads.appMention("Ev1", "C0GENERAL", "U0PAT", question, parent, null));

        var first = api.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(first.param("text")).contains("25 days");
        assertThat(first.blocks().toString()).contains("<https://wiki.example/leave|Annual Leave Policy>");

        String reply = api.nextTs();
        api.personSays("C0GENERAL", parent, reply, "U0PAT", "and for contractors?");
        slack.post(
                SlackPayloads.message("Ev2", "C0GENERAL", "channel", "U0PAT", "and for contractors?", reply, parent));

        var second = api.await("chat.postMessage", 2, WAIT).get(1);
        assertThat(second.param("thread_ts")).isEqualTo(parent);
        assertThat(second.param("text")).contains("agency");
    }

    @Test
    void searches_only_what_the_channels_scope_allows() {
        String ts = api.nextTs();
        slack.post(SlackPayloads.appMention(
                "Ev1", "C0HR", "U0PAT", "<@" + BOT_USER + "> How do I get VPN access?", ts, null));

        var post = api.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(post.param("text")).doesNotContain("GlobalProtect");
        assertThat(post.blocks().toString()).doesNotContain("wiki.example/vpn");
    }

    private static void add(String id, String title, String space, List<String> texts) {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            var chunk = new Chunk(
                    id + "#" + i,
                    id,
                    "handbook",
                    space,
                    title,
                    "https://wiki.example/" + id,
                    "",
                    texts.get(i),
                    i,
                    "hash-" + id,
                    null,
                    Set.of(AccessGroups.PUBLIC),
                    null);
            chunks.add(chunk.withEmbedding(
                    embedder.embedPassages(List.of(chunk.textForEmbedding())).getFirst()));
        }
        index.replaceDocument(id, chunks);
    }
}
