package io.docent.core.extractive;

import static io.docent.core.extractive.ExtractiveAnswererTest.ask;
import static io.docent.core.extractive.ExtractiveAnswererTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.onnx.OnnxEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The answerer with the real bundled model scoring sentences by similarity. */
class ExtractiveAnswererWithEmbedderTest {

    private static OnnxEmbedder embedder;
    private static ExtractiveAnswerer answerer;

    @BeforeAll
    static void load() {
        embedder = new OnnxEmbedder();
        answerer = new ExtractiveAnswerer(ExtractiveAnswerer.DEFAULT_MAX_CHARS, embedder);
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
}
