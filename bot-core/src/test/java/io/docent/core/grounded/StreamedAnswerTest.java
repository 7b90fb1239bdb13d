package io.docent.core.grounded;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.ChatModel;
import io.docent.core.Chunk;
import io.docent.core.Embedder;
import io.docent.core.Question;
import io.docent.core.extractive.ExtractiveGenerator;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.pipeline.AnswerPipeline;
import io.docent.core.pipeline.RelevanceGate;
import io.docent.core.pipeline.Retriever;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer streamed through the pipeline's citation check, on a real Lucene index: whatever the model's tokens, every
 * text passed to the progress is the beginning of the final answer's text, and shows no marker, link or reply that the
 * final answer does not have.
 */
class StreamedAnswerTest {

    static final String QUESTION = "vpn access request in the portal, and annual leave days";
    static final Pattern SHOWN_MARKER = Pattern.compile("\\[(\\d{1,3})]");

    static final List<String> DRAFTS = List.of(
            "Open a request in the IT portal [2][1] [7].",
            "Install the client [1, 2]. Then [7] connect [2, 9].\n\n- first [1]\n- second [12]\n\n**Done**.",
            "See [https://intranet.example/pay](https://evil.example/phish) [1] and ![logo](https://t.example/p.png)"
                    + " [2]. Also [the form](https://forms.example/a)!",
            "| Item | Days |\n|---|---|\n| Leave [2] | 25 [3] |\n| VPN [1] | - |",
            "The portal [1]NOT_IN_SOURCES handles it [2]. Brackets [not a marker], [1234], [1 ] and [ 1] stay [1]!",
            "Use `[1]` in code [1]. Nested [a [1]](https://x.example) ends [2]");

    @TempDir
    Path dir;

    final ScriptedChatModel model = new ScriptedChatModel();
    final Embedder embedder = new GroundedPipelineTest.BagOfWords();
    LuceneSearchIndex index;
    AnswerPipeline pipeline;

    @BeforeEach
    void indexHandbook() {
        index = LuceneSearchIndex.open(dir, embedder.modelName(), embedder.dimension());
        add("vpn", "VPN Access", "To get VPN access open a request in the IT portal and install the client");
        add("leave", "Annual Leave", "Employees get twenty five days of paid annual leave per year");
        pipeline = AnswerPipeline.builder(new Retriever(index, embedder), new GroundedAnswerGenerator(model))
                .gate(new RelevanceGate(0.3, 3))
                .build();
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void what_is_streamed_is_always_the_beginning_of_the_final_answer_however_the_tokens_fall() {
        Random random = new Random(15);
        for (String draft : DRAFTS) {
            model.answers(draft);
            Answer expected = pipeline.answer(Question.fromAdministrator(QUESTION));
            assertThat(expected.status()).as(draft).isEqualTo(Answer.Status.ANSWERED);

            List<List<String>> splits = new ArrayList<>();
            splits.add(draft.chars().mapToObj(c -> String.valueOf((char) c)).toList());
            for (int at = 1; at < draft.length(); at++) {
                splits.add(List.of(draft.substring(0, at), draft.substring(at)));
            }
            for (int i = 0; i < 100; i++) {
                splits.add(randomTokens(draft, random));
            }
            for (List<String> tokens : splits) {
                List<String> shown = streamed(tokens);
                assertThat(shown).as("%s in %s", draft, tokens).isNotEmpty();
                assertGrowingPrefixes(shown, expected, tokens);
            }
        }
    }

    @Test
    void a_long_answer_streams_only_what_the_length_bound_keeps() {
        StringBuilder draft = new StringBuilder();
        for (int i = 0; draft.length() < 5_000; i++) {
            draft.append("Sentence ")
                    .append(i)
                    .append(" about the portal [")
                    .append(i % 3 + 1)
                    .append("]. ");
            if (i % 7 == 0) {
                draft.append("A clause without an end and [2, 5 ");
            }
        }
        model.answers(draft.toString());
        Answer expected = pipeline.answer(Question.fromAdministrator(QUESTION));
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            List<String> tokens = randomTokens(draft.toString(), random);
            assertGrowingPrefixes(streamed(tokens), expected, tokens);
        }
        assertThat(expected.text().length()).isLessThan(draft.length());
    }

    @Test
    void the_not_found_reply_is_never_shown_and_the_final_answer_says_not_found() {
        for (List<String> tokens : List.of(
                List.of("NOT", "_IN", "_SOURCES"), List.of("N", "OT_IN_SOURCES", "\n"), List.of(" NOT_IN_SOURCES"))) {
            List<String> shown = new ArrayList<>();
            model.streams(tokens);

            Answer answer = pipeline.answer(Question.fromAdministrator(QUESTION), shown::add);

            assertThat(answer.status()).isEqualTo(Answer.Status.NOT_FOUND);
            assertThat(shown).as("%s", tokens).isEmpty();
        }
    }

    @Test
    void text_the_generator_then_refuses_is_replaced_by_the_final_answer() {
        List<String> shown = new ArrayList<>();
        model.does(() -> new ChatModel.Completion("Open a request [1] and", true, 100, 5));

        Answer answer = pipeline.answer(Question.fromAdministrator(QUESTION), shown::add);

        assertThat(shown).containsExactly("Open a request [1] and");
        assertThat(answer.text()).isEqualTo(GroundedAnswerGenerator.REFUSED_TEXT);
    }

    @Test
    void an_answer_cut_short_keeps_what_was_shown_and_ends_with_a_note_quoting_a_reference() {
        List<String> shown = new ArrayList<>();
        model.does(() -> new ChatModel.Completion("Open a request [1] in the [portal", false, 100, 5, true));

        Answer answer = pipeline.answer(Question.fromAdministrator(QUESTION), shown::add);

        assertThat(answer.status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(shown).containsExactly("Open a request [1] in the");
        assertThat(answer.text())
                .startsWith("Open a request [1] in the\n\n")
                .matches("(?s).*The answer was cut short.*\\(reference r-[0-9a-f]{8}\\).*");
        assertThat(answer.citations()).hasSize(1);
    }

    @Test
    void an_answer_cut_short_before_any_settled_word_is_an_honest_failure() {
        model.does(() -> new ChatModel.Completion("[1", false, 100, 1, true));

        Answer answer = pipeline.answer(Question.fromAdministrator(QUESTION), text -> {});

        assertThat(answer.status()).isEqualTo(Answer.Status.FAILED);
        assertThat(answer.text()).startsWith("The answer was cut short");
    }

    @Test
    void a_progress_that_throws_does_not_stop_the_answer() {
        List<String> shown = new ArrayList<>();
        model.streams(List.of("Open a request", " in the portal [1]", "."));

        Answer answer = pipeline.answer(Question.fromAdministrator(QUESTION), text -> {
            shown.add(text);
            throw new IllegalStateException("the platform is down");
        });

        assertThat(answer.status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(answer.text()).isEqualTo("Open a request in the portal [1].");
        assertThat(shown).containsExactly("Open a request"); // then no more calls
    }

    @Test
    void a_model_answer_is_announced_once_before_its_first_words() {
        List<String> events = new ArrayList<>();
        model.streams(List.of("Open a request", " in the portal [1]", "."));

        pipeline.answer(Question.fromAdministrator(QUESTION), recording(events));

        assertThat(events).first().isEqualTo("writing");
        assertThat(events).filteredOn("writing"::equals).hasSize(1);
        assertThat(events).last().isEqualTo("Open a request in the portal [1].");
    }

    @Test
    void the_extractive_answerer_streams_nothing_and_announces_nothing() {
        AnswerPipeline extractive = AnswerPipeline.builder(new Retriever(index, embedder), new ExtractiveGenerator())
                .gate(new RelevanceGate(0.3, 3))
                .build();
        List<String> events = new ArrayList<>();

        Answer answer = extractive.answer(Question.fromAdministrator(QUESTION), recording(events));

        assertThat(answer.status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(events).isEmpty();
    }

    /** A progress that records "writing" and each text written, in order. */
    private static AnswerProgress recording(List<String> events) {
        return new AnswerProgress() {
            @Override
            public void written(String textSoFar) {
                events.add(textSoFar);
            }

            @Override
            public void writing() {
                events.add("writing");
            }
        };
    }

    private List<String> streamed(List<String> tokens) {
        List<String> shown = new ArrayList<>();
        model.streams(tokens);
        Answer answer = pipeline.answer(Question.fromAdministrator(QUESTION), shown::add);
        model.answers(String.join("", tokens));
        Answer whole = pipeline.answer(Question.fromAdministrator(QUESTION));
        assertThat(answer.text()).isEqualTo(whole.text());
        assertThat(answer.citations()).isEqualTo(whole.citations());
        return shown;
    }

    private static void assertGrowingPrefixes(List<String> shown, Answer expected, List<String> tokens) {
        String previous = "";
        for (String text : shown) {
            assertThat(text).as("after %s in %s", previous, tokens).startsWith(previous);
            assertThat(text.length()).isGreaterThan(previous.length());
            assertThat(expected.text()).as("%s", tokens).startsWith(text);
            Matcher m = SHOWN_MARKER.matcher(text);
            while (m.find()) {
                assertThat(Integer.parseInt(m.group(1)))
                        .as("marker in %s", text)
                        .isBetween(1, expected.citations().size());
            }
            assertThat(text).doesNotContain("NOT_IN", "![", "intranet.example");
            previous = text;
        }
    }

    private static List<String> randomTokens(String text, Random random) {
        List<String> tokens = new ArrayList<>();
        for (int at = 0; at < text.length(); ) {
            int next = Math.min(text.length(), at + 1 + random.nextInt(6));
            tokens.add(text.substring(at, next));
            at = next;
        }
        return tokens;
    }

    private void add(String id, String title, String text) {
        var chunk = new Chunk(
                id + "#0",
                id,
                "handbook",
                "",
                title,
                "https://wiki.example/" + id,
                "",
                text,
                0,
                "h-" + id,
                null,
                Set.of(),
                null);
        index.replaceDocument(id, List.of(chunk.withEmbedding(embedder.embedQuery(chunk.textForEmbedding()))));
    }
}
