package io.docent.app.bench;

import io.docent.app.eval.BeirDataset;
import io.docent.app.eval.BootstrapInterval;
import io.docent.app.eval.RetrievalEvaluator;
import io.docent.core.SearchMode;
import io.docent.core.embedding.CachingEmbedder;
import io.docent.core.lucene.FusionMethod;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the hybrid fusion (method and vector weight) by 5-fold cross-validation over a dataset's queries, and
 * checks the choice on a second dataset that took no part in it. Each candidate is run once over all queries of an
 * index {@code docent eval} already built (no re-embedding of the corpus; query embeddings are cached after the first
 * candidate, so no latency is measured here); per-query nDCG@10 is then split into folds: for each fold the candidate
 * with the best mean on the other four is chosen and scored on the held-out one. Each hybrid candidate also gets the
 * paired difference to each retriever alone (per-query nDCG@10 differences, bootstrapped), which is what "not worse
 * than its parts, within noise" is judged by. Not a test.
 *
 * <pre>java -cp ... io.docent.app.bench.FusionCrossValidation DATASET SPLIT INDEX_DIR [CHECK_DATASET CHECK_SPLIT
 * CHECK_INDEX_DIR]</pre>
 */
public final class FusionCrossValidation {

    private static final int FOLDS = 5;
    private static final long SEED = 13;
    /** {@code DOCENT_CANDIDATES}' default: the answer pipeline's hybrid lists are then 80 deep, not 400. */
    private static final int PIPELINE_DEPTH = 20;

    record Candidate(String name, SearchMode mode, FusionMethod fusion, double weight) {}

    public static void main(String[] args) {
        var embedder = new CachingEmbedder(new OnnxEmbedder());
        List<Candidate> candidates = candidates();
        BeirDataset data = BeirDataset.load(Path.of(args[0]), args[1], System.err::println);
        Map<Candidate, Map<String, Double>> perQuery =
                run(data, Path.of(args[2]), candidates, embedder, RetrievalEvaluator.DEPTH);

        List<String> ids = new ArrayList<>(data.queries().keySet());
        Collections.shuffle(ids, new Random(SEED));
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            fold.put(ids.get(i), i % FOLDS);
        }
        List<Candidate> hybrids =
                candidates.stream().filter(c -> c.mode() == SearchMode.HYBRID).toList();
        crossValidate("any fusion", hybrids, perQuery, fold);
        for (FusionMethod method : FusionMethod.values()) {
            crossValidate(
                    method.name(),
                    hybrids.stream().filter(c -> c.fusion() == method).toList(),
                    perQuery,
                    fold);
        }
        System.out.println("held-out folds, single retrievers:");
        for (Candidate c : candidates.subList(0, 2)) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-14s", c.name()));
            for (int f = 0; f < FOLDS; f++) {
                line.append(String.format(Locale.ROOT, " %.4f", mean(perQuery.get(c), fold, f, true)));
            }
            System.out.println(line);
        }
        System.out.println("the same, searching " + PIPELINE_DEPTH + " deep as the answer pipeline does"
                + " (convex fusion normalises over fewer candidates):");
        run(data, Path.of(args[2]), candidates, embedder, PIPELINE_DEPTH);
        if (args.length >= 6) {
            BeirDataset check = BeirDataset.load(Path.of(args[3]), args[4], System.err::println);
            run(check, Path.of(args[5]), candidates, embedder, RetrievalEvaluator.DEPTH);
            run(check, Path.of(args[5]), candidates, embedder, PIPELINE_DEPTH);
        }
    }

    private static List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("bm25", SearchMode.TEXT, FusionMethod.CONVEX, 1));
        candidates.add(new Candidate("vector", SearchMode.VECTOR, FusionMethod.CONVEX, 1));
        for (double w : new double[] {1, 1.5, 2, 3, 4}) {
            candidates.add(new Candidate("rrf w=" + w, SearchMode.HYBRID, FusionMethod.RRF, w));
        }
        for (double w : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 7}) {
            candidates.add(new Candidate("convex w=" + w, SearchMode.HYBRID, FusionMethod.CONVEX, w));
        }
        return candidates;
    }

    private static Map<Candidate, Map<String, Double>> run(
            BeirDataset data, Path indexDir, List<Candidate> candidates, CachingEmbedder embedder, int depth) {
        System.out.printf(
                Locale.ROOT,
                "%s split %s, %d queries, depth %d%n",
                data.name(),
                data.split(),
                data.queries().size(),
                depth);
        Map<Candidate, Map<String, Double>> perQuery = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            try (var index = LuceneSearchIndex.builder(indexDir)
                    .embeddingModel(embedder.modelName(), embedder.dimension())
                    .fusion(c.fusion())
                    .vectorWeight(c.weight())
                    .openReadOnly()) {
                var result = new RetrievalEvaluator(index, embedder).evaluate(data, c.mode(), depth);
                BootstrapInterval ci = result.ndcg10Interval();
                perQuery.put(c, result.ndcg10ByQuery());
                String paired = c.mode() == SearchMode.HYBRID
                        ? "  vs vector " + difference(perQuery.get(candidates.get(1)), result.ndcg10ByQuery())
                                + "  vs bm25 " + difference(perQuery.get(candidates.get(0)), result.ndcg10ByQuery())
                        : "";
                System.out.printf(
                        Locale.ROOT,
                        "  %-14s nDCG@10 %.4f [%.4f, %.4f]  R@100 %.4f%s%n",
                        c.name(),
                        result.ndcg10(),
                        ci.low(),
                        ci.high(),
                        result.recall100(),
                        paired);
            }
        }
        return perQuery;
    }

    private static void crossValidate(
            String label,
            List<Candidate> candidates,
            Map<Candidate, Map<String, Double>> perQuery,
            Map<String, Integer> fold) {
        System.out.println(FOLDS + "-fold cross-validation, choosing among " + label + ":");
        double sum = 0;
        for (int f = 0; f < FOLDS; f++) {
            Candidate best = null;
            double bestTrain = -1;
            for (Candidate c : candidates) {
                double train = mean(perQuery.get(c), fold, f, false);
                if (train > bestTrain) {
                    bestTrain = train;
                    best = c;
                }
            }
            double heldOut = mean(perQuery.get(best), fold, f, true);
            sum += heldOut;
            System.out.printf(
                    Locale.ROOT,
                    "  fold %d: chose %-14s (4 folds %.4f) -> held-out %.4f%n",
                    f + 1,
                    best.name(),
                    bestTrain,
                    heldOut);
        }
        System.out.printf(Locale.ROOT, "  mean held-out nDCG@10 %.4f%n", sum / FOLDS);
    }

    /** The paired difference {@code hybrid - part} per query, with its 95% bootstrap interval. */
    private static String difference(Map<String, Double> part, Map<String, Double> hybrid) {
        double[] diffs = hybrid.entrySet().stream()
                .mapToDouble(e -> e.getValue() - part.get(e.getKey()))
                .toArray();
        BootstrapInterval ci = BootstrapInterval.of(diffs);
        return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", ci.mean(), ci.low(), ci.high());
    }

    /** The mean over the queries in fold {@code f} ({@code inFold}) or in the other folds. */
    private static double mean(Map<String, Double> scores, Map<String, Integer> fold, int f, boolean inFold) {
        double sum = 0;
        int n = 0;
        for (var e : scores.entrySet()) {
            if ((fold.get(e.getKey()) == f) == inFold) {
                sum += e.getValue();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
