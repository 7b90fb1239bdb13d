package io.docent.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.AccessGroups;
import io.docent.core.Answer;
import io.docent.core.Asker;
import io.docent.core.Audience;
import io.docent.core.Chunk;
import io.docent.core.Citation;
import io.docent.core.Embedder;
import io.docent.core.Identity;
import io.docent.core.Question;
import io.docent.core.Scope;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.extractive.ExtractiveGenerator;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.core.pipeline.AnswerPipeline;
import io.docent.core.pipeline.Retriever;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same question asked by different people in different places, on real parts: a Lucene index, the bundled
 * embedding model, the extractive answerer and a directory file. A salary page is restricted to one Entra group; a
 * lunch page is public; a draft page has no access groups (its permissions could not be read).
 */
class PermissionedAnswersIT {

    private static final String SALARY_FIGURE = "EUR 84,000";

    @TempDir
    static Path dir;

    static Embedder embedder;
    static SearchIndex index;
    static AnswerPipeline pipeline;

    static final Identity ALICE = Identity.member("slack", "U1", "T1", "alice@example.com");
    static final Identity BOB = Identity.member("slack", "U2", "T1", "bob@example.com");
    static final Identity GUEST = new Identity("slack", "U3", "T1", "alice@example.com", Identity.Standing.GUEST);
    static final Identity EXTERNAL = new Identity("slack", "U4", "T9", "alice@example.com", Identity.Standing.EXTERNAL);

    @BeforeAll
    static void index() throws Exception {
        embedder = new OnnxEmbedder();
        index = LuceneSearchIndex.open(dir.resolve("index"), embedder.modelName(), embedder.dimension());
        add(
                "salary",
                "Engineering salary bands",
                Set.of("group:6d1f-hr"),
                "The salary band for a senior engineer is " + SALARY_FIGURE + " to EUR 98,000 per year, reviewed"
                        + " every April by the compensation committee.");
        add(
                "lunch",
                "Lunch and canteen",
                Set.of(AccessGroups.PUBLIC),
                "The canteen serves lunch from 12:00 to 14:00. Salary questions go to your HR partner.");
        add(
                "draft",
                "Draft reorganisation",
                Set.of(),
                "The draft reorganisation moves the salary review for senior engineers to October.");
        Path directoryFile = dir.resolve("directory.json");
        Files.writeString(directoryFile, """
                {"people": [{"email": "alice@example.com", "groups": ["group:6d1f-hr"]},
                            {"email": "bob@example.com", "groups": ["group:other"]}],
                 "everyone": ["confluence-users"]}""");
        pipeline = AnswerPipeline.builder(new Retriever(index, embedder), new ExtractiveGenerator())
                .access(new AccessPolicy(new CachingDirectory(new DirectoryFile(directoryFile))))
                .build();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void a_group_member_in_a_private_chat_is_answered_from_the_restricted_page() {
        Answer answer = ask(Asker.privately(ALICE));

        assertThat(answer.status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(answer.text()).contains(SALARY_FIGURE);
        assertThat(answer.citations()).extracting(Citation::url).contains("https://wiki.example/salary");
        assertThat(answer.moreInPrivate()).isFalse();
    }

    @Test
    void a_non_member_a_guest_an_external_person_and_an_unknown_asker_never_see_the_restricted_page() {
        for (Asker asker : List.of(
                Asker.privately(BOB),
                Asker.privately(GUEST),
                Asker.privately(EXTERNAL),
                Asker.privately(Identity.member("slack", "U9", "T1", "carol@example.com")),
                Asker.ANONYMOUS)) {
            Answer answer = ask(asker);

            assertThat(leaks(answer))
                    .as(asker.identity().standing() + " " + asker.identity().email())
                    .isEmpty();
            assertThat(answer.moreInPrivate()).isFalse();
        }
    }

    @Test
    void the_member_in_a_channel_is_answered_without_the_restricted_page_and_told_there_is_more_privately() {
        Answer answer = ask(new Asker(ALICE, Audience.shared(false, false, Set.of())));

        assertThat(leaks(answer)).isEmpty();
        assertThat(answer.moreInPrivate()).isTrue();
    }

    @Test
    void a_channel_the_admin_granted_the_group_is_answered_from_the_restricted_page() {
        Answer answer = ask(new Asker(BOB, Audience.shared(true, false, Set.of("group:6d1f-hr"))));

        assertThat(answer.text()).contains(SALARY_FIGURE);
        assertThat(answer.moreInPrivate()).isFalse();
    }

    @Test
    void a_channel_shared_with_another_organisation_ignores_its_grants() {
        Answer answer = ask(new Asker(ALICE, Audience.shared(false, true, Set.of("group:6d1f-hr"))));

        assertThat(leaks(answer)).isEmpty();
    }

    @Test
    void a_page_whose_permissions_are_unknown_is_seen_by_administrators_only() {
        Answer admin = pipeline.answer(Question.fromAdministrator("When is the draft salary review moved to?"));
        Answer alice = pipeline.answer(new Question(
                "When is the draft salary review moved to?", List.of(), Scope.ALL, Asker.privately(ALICE)));

        assertThat(admin.evidence()).extracting(h -> h.chunk().documentId()).contains("draft");
        assertThat(alice.evidence()).extracting(h -> h.chunk().documentId()).doesNotContain("draft");
        assertThat(alice.citations()).extracting(Citation::url).doesNotContain("https://wiki.example/draft");
    }

    private static Answer ask(Asker asker) {
        return pipeline.answer(
                new Question("What is the salary band for a senior engineer?", List.of(), Scope.ALL, asker));
    }

    /** Everything of the answer that names or quotes the restricted page: text, citations, evidence. */
    private static List<String> leaks(Answer answer) {
        return Stream.of(
                        Stream.of(answer.text()),
                        answer.citations().stream().map(c -> c.url() + " " + c.title() + " " + c.snippet()),
                        answer.evidence().stream().map(SearchHit::chunk).map(c -> c.documentId() + " " + c.text()))
                .flatMap(s -> s)
                .filter(s -> s.contains(SALARY_FIGURE)
                        || s.contains("salary bands")
                        || s.contains("/salary")
                        || s.startsWith("salary ")
                        || s.contains("draft"))
                .toList();
    }

    private static void add(String id, String title, Set<String> groups, String text) {
        var chunk = new Chunk(
                id + "#0",
                id,
                "wiki",
                "HR",
                title,
                "https://wiki.example/" + id,
                "",
                text,
                0,
                "hash-" + id,
                null,
                groups,
                null);
        index.replaceDocument(
                id,
                List.of(chunk.withEmbedding(embedder.embedPassages(List.of(chunk.textForEmbedding()))
                        .getFirst())));
    }
}
