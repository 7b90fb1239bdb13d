package io.docent.core.pipeline;

import static io.docent.core.TestChunk.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.SearchHit;
import io.docent.core.wordnet.WordNetSynonyms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelevanceGateTest {

    private static final String OFFICE =
            "The Berlin office opens at 8:00 and closes at 19:00 on weekdays. Visitors sign"
                    + " in at the front desk and wear a badge. Bicycles can be parked in the courtyard.";

    private static SearchHit hit(String title, String text, int textRank, double similarity) {
        return new SearchHit(chunk("d-" + title).title(title).text(text).build(), 1, textRank, 1, similarity);
    }

    private static double coverage(RelevanceGate gate, String question, SearchHit passage) {
        return gate.evidence(question, List.of(passage)).getFirst().coverage();
    }

    @Test
    void coverage_counts_the_questions_content_words_found_in_the_passage() {
        var gate = new RelevanceGate(GateModel.similarityOnly(0.5), 3);
        var office = hit("Berlin office", OFFICE, 1, 0.8);

        double answerable = coverage(gate, "When does the Berlin office open?", office);
        double dog = coverage(gate, "Can I bring my dog to the office?", office);

        assertThat(answerable).isEqualTo(1.0); // berlin, offic, open: "when" and "does" are question words
        assertThat(dog).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9)); // bring, dog, offic: offic only
    }

    @Test
    void a_fitted_rule_refuses_a_close_passage_that_lacks_the_questions_subject() {
        var rule = new GateModel("test", -14, 10, 10, 0); // relevant when sim + cov >= 1.4
        var gate = new RelevanceGate(rule, 3);
        var office = hit("Berlin office", OFFICE, 0, 0.78);

        var open = gate.decide("When does the Berlin office open?", List.of(office));
        var dog = gate.decide("Can I bring my dog to the office?", List.of(office));

        assertThat(open.answerable()).isTrue();
        assertThat(open.relevant()).containsExactly(office);
        assertThat(dog.answerable()).isFalse();
        assertThat(dog.closest()).containsExactly(office);
        assertThat(open.unmatched()).isEmpty();
    }

    @Test
    void a_not_found_names_the_weightiest_words_no_passage_holds_as_the_question_writes_them() {
        var rule = new GateModel("test", -14, 10, 10, 0);
        Map<String, Double> rarity = Map.of("bring", 1.0, "labrador", 2.0, "parrot", 3.0, "berlin", 1.0, "offic", 0.5);
        TermRarity weights = terms -> {
            Map<String, Double> w = new java.util.LinkedHashMap<>();
            terms.forEach(t -> w.put(t, rarity.getOrDefault(t, 1.0)));
            return w;
        };
        var gate = new RelevanceGate(rule, 3, weights);
        var office = hit("Berlin office", OFFICE, 0, 0.78);
        var desk = hit("Front desk", "Visitors sign in at the front desk. Dogs are not allowed.", 0, 0.7);

        var decision =
                gate.decide("Can I bring my Labrador and my parrot to the Berlin office?", List.of(office, desk));

        assertThat(decision.answerable()).isFalse();
        // bring, labrador, parrot, berlin, offic: "berlin" and "offic" are on the office page; the other three on
        // neither page, named weightiest first, two at most
        assertThat(decision.unmatched()).containsExactly("parrot", "Labrador");
        assertThat(gate.decide("When does the Berlin office open?", List.of(office))
                        .unmatched())
                .isEmpty();
    }

    @Test
    void the_similarity_only_rule_is_the_threshold_of_before() {
        var gate = new RelevanceGate(0.62, 2);
        var close = hit("a", "alpha", 0, 0.62);
        var far = hit("b", "beta", 0, 0.61);
        var noVectorKeyword = hit("c", "gamma", 3, Double.NaN);
        var noVectorNoKeyword = hit("d", "delta", 0, Double.NaN);

        var decision = gate.decide("anything", List.of(close, far, noVectorKeyword, noVectorNoKeyword));

        assertThat(decision.relevant()).containsExactly(close, noVectorKeyword);
        assertThat(gate.decide("anything", List.of(far, noVectorNoKeyword)).closest())
                .containsExactly(far, noVectorNoKeyword);
    }

    @Test
    void the_bundled_rule_for_bge_small_is_read_and_bad_weights_are_refused() {
        assertThat(GateModel.forEmbeddingModel("no-such-model")).isEmpty();
        GateModel bge = GateModel.forEmbeddingModel("bge-small-en-v1.5-q").orElseThrow();
        assertThat(bge.wCoverage()).isPositive();
        assertThat(bge.bias()).isNegative();
        assertThatThrownBy(() -> new GateModel("m", 0, 0, 1, 1)).hasMessageContaining("wSimilarity");
        assertThatThrownBy(() -> new GateModel("m", Double.NaN, 1, 1, 1)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new GateModel(" ", 0, 1, 1, 1)).hasMessageContaining("model");
    }

    @Test
    void a_passage_that_writes_the_questions_word_differently_covers_more_than_one_that_lacks_it() {
        var gate = new RelevanceGate(GateModel.similarityOnly(0.5), 3, TermRarity.uniform(), WordNetSynonyms.shared());
        var vision = hit(
                "Vision plan",
                "The vision plan pays for one eye examination a year and for glasses or contact lenses.",
                1,
                0.75);

        double exams = coverage(gate, "Are eye exams covered by the vision plan?", vision);
        double acupuncture = coverage(gate, "Is acupuncture covered by the vision plan?", vision);

        // ey, exam (as "examination": half), cover (missing), vision, plan
        assertThat(exams).isCloseTo(3.5 / 5, org.assertj.core.data.Offset.offset(1e-9));
        // acupunctur (no synonym on the page), cover, vision, plan
        assertThat(acupuncture).isCloseTo(2.0 / 4, org.assertj.core.data.Offset.offset(1e-9));
    }
}
