package io.docent.core.lucene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * A convex combination of normalised scores, as Elasticsearch's linear retriever and OpenSearch's normalization
 * processor do it (Azure AI Search fuses with RRF only): each list's scores are min-max normalised over that list's candidates (its best becomes 1, its
 * worst 0), and a document's fused score is {@code (1 - a) * bm25 + a * vector} with {@code a = w / (1 + w)} for a
 * vector weight {@code w}. A document missing from a list gets 0 from it: it scored below that list's last
 * candidate, whose normalised score is 0.
 *
 * <p>Why scores and not only ranks: RRF gives rank 1 the same credit whether BM25's first hit towers over the rest
 * (a rare term matched) or barely leads a flat list; the normalised score keeps that difference, so a confident
 * keyword match can outvote the vectors while a vague one cannot. Chosen the same way (5-fold cross-validation on
 * SciFact train), it scored 0.767 held out against 0.760 for weighted RRF (docs/benchmarks.md).
 *
 * <p>A list whose candidates all score the same (one candidate, or ties throughout) carries no ordering evidence;
 * each of its documents gets 1, so that a single keyword hit is not erased by normalisation.
 */
final class ConvexFusion implements HybridFusion {

    /**
     * The vector list counts twice the keyword list (shares 2/3 and 1/3): 5-fold cross-validation on SciFact train
     * chose 2 in four folds of five (2.5 in the other) among weights 1 to 7, for a held-out nDCG@10 of 0.767 against
     * 0.745 for the vectors alone; on msmarco-5k, not used for the choice, it is level with the vectors alone within
     * noise (docs/benchmarks.md). The curve is flat from 1.5 to 3.
     */
    static final double DEFAULT_VECTOR_WEIGHT = 2.0;

    private final double vectorShare;

    /** @param vectorWeight how much the vector list counts against 1 for the keyword list; must be > 0 */
    ConvexFusion(double vectorWeight) {
        if (!(vectorWeight > 0) || Double.isInfinite(vectorWeight)) {
            throw new IllegalArgumentException("vectorWeight must be > 0 and finite, was " + vectorWeight);
        }
        this.vectorShare = vectorWeight / (1 + vectorWeight);
    }

    @Override
    public List<RankedDoc> fuse(ScoreDoc[] textList, ScoreDoc[] vectorList, int topK) {
        Map<Integer, Candidate> candidates = new HashMap<>();
        double[] text = normalised(textList);
        for (int i = 0; i < textList.length; i++) {
            Candidate c = candidates.computeIfAbsent(textList[i].doc, d -> new Candidate());
            c.textRank = i + 1;
            c.score += (1 - vectorShare) * text[i];
        }
        double[] vector = normalised(vectorList);
        for (int i = 0; i < vectorList.length; i++) {
            Candidate c = candidates.computeIfAbsent(vectorList[i].doc, d -> new Candidate());
            c.vectorRank = i + 1;
            c.score += vectorShare * vector[i];
        }
        List<RankedDoc> fused = new ArrayList<>(candidates.size());
        candidates.forEach((doc, c) -> fused.add(new RankedDoc(doc, c.score, c.textRank, c.vectorRank)));
        fused.sort(RankedDoc.BEST_FIRST);
        return fused.size() > topK ? List.copyOf(fused.subList(0, topK)) : fused;
    }

    /** Min-max normalised copies of the list's scores; all 1 when the list has no spread. */
    static double[] normalised(ScoreDoc[] list) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ScoreDoc hit : list) {
            min = Math.min(min, hit.score);
            max = Math.max(max, hit.score);
        }
        double[] normalised = new double[list.length];
        for (int i = 0; i < list.length; i++) {
            normalised[i] = max > min ? (list[i].score - min) / (max - min) : 1.0;
        }
        return normalised;
    }

    private static final class Candidate {
        double score;
        int textRank;
        int vectorRank;
    }
}
