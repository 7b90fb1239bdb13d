package io.docent.app.eval;

import java.util.List;
import java.util.Map;

/**
 * The standard ranking metrics, as BEIR computes them (pytrec_eval): nDCG@k with linear gains (the grade), Recall@k
 * over the judged-relevant documents, and MRR@k (reciprocal rank of the first relevant document).
 */
public final class RetrievalMetrics {

    private RetrievalMetrics() {}

    public static double ndcg(List<String> ranked, Map<String, Integer> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += relevant.getOrDefault(ranked.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal =
                relevant.values().stream().sorted((a, b) -> b - a).limit(k).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double recall(List<String> ranked, Map<String, Integer> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(relevant::containsKey).count();
        return (double) found / relevant.size();
    }

    public static double mrr(List<String> ranked, Map<String, Integer> relevant, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.containsKey(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
