package io.docent.core.extractive;

import static io.docent.core.extractive.ExtractiveGeneratorTest.ask;
import static io.docent.core.extractive.ExtractiveGeneratorTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Embedder;
import io.docent.core.onnx.OnnxEmbedder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The answerer with the real bundled model scoring sentences by similarity. */
class ExtractiveGeneratorWithEmbedderTest {

    private static OnnxEmbedder embedder;
    private static ExtractiveGenerator answerer;

    @BeforeAll
    static void load() {
        embedder = new OnnxEmbedder();
        answerer = new ExtractiveGenerator(ExtractiveGenerator.DEFAULT_MAX_CHARS, embedder);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void prefers_the_sentence_that_means_the_answer_among_those_sharing_words() {
        var draft = ask(
                answerer,
                "Can guests use the printers?",
                source(
                        1,
                        "Office",
                        "Guest Wi-Fi is isolated: guests cannot see printers, room displays or other devices."
                                + " The printers are on every floor."),
                source(
                        2,
                        "Printing",
                        "Guests cannot print. If a visitor needs something printed, their host prints it."));

        assertThat(draft.grounded()).isTrue();
        assertThat(draft.text()).contains("Guests cannot print. [2]");
    }

    @Test
    void still_finds_nothing_when_no_sentence_shares_a_term_with_the_question() {
        var draft = ask(
                answerer,
                "How do I reset my password?",
                source(1, "Cafeteria", "The cafeteria serves lunch at noon. Vegan dishes are available."));

        assertThat(draft.grounded()).isFalse();
    }

    @Test
    void embeds_only_the_best_few_candidates_in_one_batch_and_reuses_them_for_a_repeated_question() {
        var counting = new CountingEmbedder(embedder);
        var answerer = new ExtractiveGenerator(ExtractiveGenerator.DEFAULT_MAX_CHARS, counting);
        StringBuilder page = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            page.append("The VPN client setting number ").append(i).append(" is described in the guide. ");
        }
        page.append("To configure the VPN client, open Settings and choose the Berlin gateway.");
        var source = source(1, "VPN", page.toString());

        var first = ask(answerer, "How do I configure the VPN client?", source);

        assertThat(first.text()).contains("To configure the VPN client, open Settings and choose the Berlin gateway.");
        assertThat(counting.passageCalls.get()).isEqualTo(1);
        assertThat(counting.passages.get()).isLessThanOrEqualTo(Scorer.MAX_EMBEDDED);

        var again = ask(answerer, "How do I configure the VPN client?", source);

        assertThat(again.text()).isEqualTo(first.text());
        assertThat(counting.passageCalls.get()).isEqualTo(1);
    }

    /** Counts what goes through to the real model. */
    private static final class CountingEmbedder implements Embedder {

        private final Embedder delegate;
        final AtomicInteger passageCalls = new AtomicInteger();
        final AtomicInteger passages = new AtomicInteger();

        CountingEmbedder(Embedder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String modelName() {
            return delegate.modelName();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            passageCalls.incrementAndGet();
            passages.addAndGet(texts.size());
            return delegate.embedPassages(texts);
        }

        @Override
        public float[] embedQuery(String query) {
            return delegate.embedQuery(query);
        }
    }
}
