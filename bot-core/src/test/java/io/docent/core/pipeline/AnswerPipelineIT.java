package io.docent.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Answer;
import io.docent.core.AnswerGenerator;
import io.docent.core.Asker;
import io.docent.core.Chunk;
import io.docent.core.Citation;
import io.docent.core.DocentException;
import io.docent.core.Embedder;
import io.docent.core.Question;
import io.docent.core.Scope;
import io.docent.core.SearchIndex;
import io.docent.core.Turn;
import io.docent.core.UserTexts;
import io.docent.core.extractive.ExtractiveGenerator;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on real parts: a Lucene index on disk, the bundled embedding model, the extractive answerer. */
class AnswerPipelineIT {

    @TempDir
    static Path dir;

    static Embedder embedder;
    static SearchIndex index;

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
                                + " approves it, then you install the GlobalProtect client and sign in with SSO and MFA.",
                        "# Contractors\nContractors cannot request VPN access themselves. Their sponsor files the request."
                                + " Contractor VPN access expires after 90 days and must be renewed."));
        add(
                "leave",
                "Annual Leave Policy",
                "HR",
                List.of(
                        "Employees get 25 days of paid annual leave per year. Up to 5 unused days carry over until 31 March."
                                + " Leave is requested in Workday.",
                        "# Contractors\nContractors are not covered by this policy and arrange time off with their agency."));
        add(
                "printing",
                "Printing",
                "Facilities",
                List.of(
                        "Printers on every floor use follow-me printing: badge in at any printer to release your job."));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static void add(String id, String title, String space, List<String> texts) {
        List<Chunk> chunks = new java.util.ArrayList<>();
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
                    Set.of(),
                    null);
            chunks.add(chunk.withEmbedding(
                    embedder.embedPassages(List.of(chunk.textForEmbedding())).getFirst()));
        }
        index.replaceDocument(id, chunks);
    }

    private static AnswerPipeline pipeline(AnswerGenerator generator) {
        return AnswerPipeline.builder(new Retriever(index, embedder), generator).build();
    }

    @Test
    void answers_with_a_citation_to_the_retrieved_source() {
        Answer answer =
                pipeline(new ExtractiveGenerator()).answer(Question.fromAdministrator("How do I get VPN access?"));

        assertThat(answer.status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(answer.text()).contains("[1]").containsIgnoringCase("Service Desk");
        assertThat(answer.citations().getFirst().title()).isEqualTo("VPN Access");
        assertThat(answer.citations().getFirst().url()).isEqualTo("https://wiki.example/vpn");
        assertThat(answer.timings())
                .containsKeys("normalize", "history", "rewrite", "retrieve", "gate", "generate", "cite");
    }

    @Test
    void follow_up_uses_the_conversation_history() {
        var history =
                List.of(Turn.user("How do I get VPN access?"), Turn.assistant("Open a request in the IT portal [1]."));

        Answer answer = pipeline(new ExtractiveGenerator())
                .answer(new Question("and for contractors?", history, Scope.ALL, Asker.ADMINISTRATOR));

        assertThat(answer.standaloneQuery()).contains("VPN").contains("contractors");
        assertThat(answer.status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(answer.citations().getFirst().title()).isEqualTo("VPN Access");
        assertThat(answer.text()).contains("Contractor").doesNotContain("Employees get 25 days");
    }

    @Test
    void not_found_answers_without_calling_the_generator() {
        var calls = new AtomicInteger();
        AnswerGenerator counting = request -> {
            calls.incrementAndGet();
            return AnswerGenerator.Draft.of("should not be called");
        };

        Answer answer = pipeline(counting)
                .answer(Question.fromAdministrator("What is the boiling point of tungsten in kelvin?"));

        assertThat(answer.status()).isEqualTo(Answer.Status.NOT_FOUND);
        assertThat(answer.text()).startsWith(UserTexts.NOT_FOUND);
        assertThat(calls).hasValue(0);
    }

    @Test
    void citations_only_point_to_retrieved_sources() {
        AnswerGenerator inventing =
                request -> AnswerGenerator.Draft.of("Use the portal [1]. Also see the secret memo [9].");

        Answer answer = pipeline(inventing).answer(Question.fromAdministrator("How do I get VPN access?"));

        assertThat(answer.text()).isEqualTo("Use the portal [1]. Also see the secret memo.");
        assertThat(answer.citations()).extracting(Citation::number).containsExactly(1);
    }

    @Test
    void scope_limits_what_is_searched() {
        Scope hrOnly = new Scope(Set.of(), Set.of("HR"), null);

        Answer answer = pipeline(new ExtractiveGenerator())
                .answer(new Question("What about contractors?", List.of(), hrOnly, Asker.ADMINISTRATOR));

        assertThat(answer.evidence())
                .isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.chunk().space()).isEqualTo("HR"));
    }

    @Test
    void an_unavailable_index_becomes_an_honest_failed_answer() {
        SearchIndex broken = new SearchIndex() {
            @Override
            public void replaceDocument(String documentId, List<Chunk> chunks) {}

            @Override
            public void deleteDocument(String documentId) {}

            @Override
            public List<io.docent.core.IndexedDocument> listDocuments(String source) {
                return List.of();
            }

            @Override
            public List<io.docent.core.SearchHit> search(io.docent.core.SearchRequest request) {
                throw new DocentException.IndexUnavailable("index locked at /tmp/x", null);
            }

            @Override
            public long chunkCount() {
                return 0;
            }

            @Override
            public void close() {}
        };

        Answer answer = AnswerPipeline.builder(new Retriever(broken, embedder), new ExtractiveGenerator())
                .build()
                .answer(Question.fromAdministrator("How do I get VPN access?"));

        assertThat(answer.status()).isEqualTo(Answer.Status.FAILED);
        assertThat(answer.text()).contains("index is not available").doesNotContain("/tmp/x");
    }
}
