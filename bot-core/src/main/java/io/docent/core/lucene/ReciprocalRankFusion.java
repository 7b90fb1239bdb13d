package io.docent.core.lucene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a document's fused score is the sum over the lists
 * it appears in of {@code 1 / (k + rank)}. It needs no score calibration between BM25 and cosine similarity, which
 * live on unrelated scales, and {@code k = 60} damps the weight of the very first ranks so that a document found
 * by both retrievers beats one found at the top of only one.
 */
final class ReciprocalRankFusion implements HybridFusion {

    static final int DEFAULT_K = 60;

    /**
     * Vector ranks count double: bge-small-en-v1.5 alone beats BM25 on the sets we measure. Kept at 2, its value
     * before convex fusion became the default; cross-validation on SciFact train would now pick 3 or 4 (0.760 held
     * out, against 0.767 for convex fusion; docs/benchmarks.md).
     */
    static final double DEFAULT_VECTOR_WEIGHT = 2.0;

    private final int k;
    private final double vectorWeight;

    /**
     * @param k the rank constant
     * @param vectorWeight how much a vector rank counts against a keyword rank (weighted RRF): above 1 when the
     *     embedding model is the stronger retriever on its own
     */
    ReciprocalRankFusion(int k, double vectorWeight) {
        if (k < 1) {
            throw new IllegalArgumentException("rrfK must be >= 1, was " + k);
        }
        if (!(vectorWeight > 0)) {
            throw new IllegalArgumentException("vectorWeight must be > 0, was " + vectorWeight);
        }
        this.k = k;
        this.vectorWeight = vectorWeight;
    }

    /** The {@code topK} best documents of both lists, each ranked best first. */
    @Override
    public List<RankedDoc> fuse(ScoreDoc[] textList, ScoreDoc[] vectorList, int topK) {
        Map<Integer, int[]> ranks = new HashMap<>();
        for (int i = 0; i < textList.length; i++) {
            ranks.computeIfAbsent(textList[i].doc, d -> new int[2])[0] = i + 1;
        }
        for (int i = 0; i < vectorList.length; i++) {
            ranks.computeIfAbsent(vectorList[i].doc, d -> new int[2])[1] = i + 1;
        }
        List<RankedDoc> fused = new ArrayList<>(ranks.size());
        ranks.forEach((doc, rank) ->
                fused.add(new RankedDoc(doc, score(rank[0]) + vectorWeight * score(rank[1]), rank[0], rank[1])));
        fused.sort(RankedDoc.BEST_FIRST);
        return fused.size() > topK ? fused.subList(0, topK) : fused;
    }

    private double score(int rank) {
        return rank == 0 ? 0 : 1.0 / (k + rank);
    }
}
