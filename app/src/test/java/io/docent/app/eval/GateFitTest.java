package io.docent.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.app.eval.GateFit.Passage;
import io.docent.app.eval.GateFit.Question;
import io.docent.core.pipeline.GateModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GateFitTest {

    /**
     * Answerable questions: an expected passage with high coverage, similarity 0.70-0.85. Unanswerable ones: passages
     * as similar (0.65-0.80) but holding little of the question. Similarity alone cannot separate them.
     */
    private static List<Question> sets(long seed) {
        var random = new Random(seed);
        List<Question> questions = new ArrayList<>();
        for (String set : List.of("a", "b", "c")) {
            for (int i = 0; i < 40; i++) {
                double sim = 0.70 + 0.15 * random.nextDouble();
                questions.add(new Question(
                        set,
                        set + i,
                        true,
                        List.of(
                                new Passage(sim, 0.6 + 0.4 * random.nextDouble(), random.nextBoolean(), true),
                                new Passage(sim - 0.05, 0.2 * random.nextDouble(), false, false))));
            }
            for (int i = 0; i < 15; i++) {
                double sim = 0.65 + 0.15 * random.nextDouble();
                questions.add(new Question(
                        set,
                        set + "u" + i,
                        false,
                        List.of(
                                new Passage(sim, 0.4 * random.nextDouble(), random.nextBoolean(), false),
                                new Passage(sim - 0.03, 0.3 * random.nextDouble(), false, false))));
            }
        }
        return questions;
    }

    @Test
    void learns_that_coverage_separates_what_similarity_cannot() {
        List<Question> questions = sets(1);
        GateModel rule = new GateFit(0.02).fit("test-model", questions);

        assertThat(rule.wCoverage()).isPositive();
        var outcome = GateFit.outcome("all", rule, questions);
        assertThat(outcome.wronglyNotFoundShare()).isLessThanOrEqualTo(0.02);
        assertThat(outcome.refusedShare()).isGreaterThan(0.9);

        // Similarity alone, at the threshold that keeps the same answerable questions, refuses far fewer.
        var similarityOnly = GateFit.outcome("all", GateModel.similarityOnly(0.70), questions);
        assertThat(similarityOnly.wronglyNotFound()).isZero();
        assertThat(similarityOnly.refusedShare()).isLessThan(0.5);
    }

    @Test
    void cross_validation_measures_each_set_with_a_rule_fitted_on_the_others() {
        var outcomes = new GateFit(0.02).crossValidate("test-model", sets(2));

        assertThat(outcomes).containsOnlyKeys("a", "b", "c");
        outcomes.values().forEach(o -> {
            assertThat(o.answerable()).isEqualTo(40);
            assertThat(o.unanswerable()).isEqualTo(15);
            assertThat(o.refusedShare()).isGreaterThan(0.8);
            assertThat(o.wronglyNotFoundShare()).isLessThan(0.1);
        });
    }

    @Test
    void refuses_sets_that_cannot_be_fitted() {
        var onlyAnswerable = List.of(new Question("a", "1", true, List.of(new Passage(0.8, 1, true, true))));
        assertThatThrownBy(() -> new GateFit(0.02).fit("m", onlyAnswerable))
                .hasMessageContaining("unanswerable questions");
        assertThatThrownBy(() -> new GateFit(0.02).crossValidate("m", onlyAnswerable))
                .hasMessageContaining("two question sets");
        assertThatThrownBy(() -> new GateFit(1.5)).hasMessageContaining("maxWronglyNotFound");
    }
}
