package io.docent.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

    @Test
    void ndcg_is_one_for_the_ideal_ranking_and_lower_otherwise() {
        Map<String, Integer> relevant = Map.of("a", 2, "b", 1);

        assertThat(RetrievalMetrics.ndcg(List.of("a", "b", "x"), relevant, 10)).isEqualTo(1.0);
        // b first, a second: (1/log2(2) + 2/log2(3)) / (2/log2(2) + 1/log2(3))
        double expected = (1 + 2 / log2(3)) / (2 + 1 / log2(3));
        assertThat(RetrievalMetrics.ndcg(List.of("b", "a"), relevant, 10)).isCloseTo(expected, within(1e-12));
        assertThat(RetrievalMetrics.ndcg(List.of("x", "y"), relevant, 10)).isZero();
    }

    @Test
    void ndcg_only_counts_the_first_k() {
        assertThat(RetrievalMetrics.ndcg(List.of("x", "a"), Map.of("a", 1), 1)).isZero();
    }

    @Test
    void recall_and_mrr() {
        Map<String, Integer> relevant = Map.of("a", 1, "b", 1, "c", 1, "d", 1);
        List<String> ranked = List.of("x", "a", "y", "b");

        assertThat(RetrievalMetrics.recall(ranked, relevant, 10)).isEqualTo(0.5);
        assertThat(RetrievalMetrics.recall(ranked, relevant, 2)).isEqualTo(0.25);
        assertThat(RetrievalMetrics.mrr(ranked, relevant, 10)).isEqualTo(0.5);
        assertThat(RetrievalMetrics.mrr(ranked, relevant, 1)).isZero();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
