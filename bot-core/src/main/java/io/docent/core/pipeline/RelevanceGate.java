package io.docent.core.pipeline;

import io.docent.core.SearchHit;
import java.util.List;

/**
 * Stage 4: decides, before any model is called, whether the retrieved passages can answer the question.
 *
 * <p>The decision uses the cosine similarity between the query and each passage, because it is comparable across
 * questions (a BM25 score or a fused rank score is not). A passage is <em>relevant</em> when its similarity reaches
 * {@code minSimilarity}; the answer is attempted from the relevant passages only. When the index holds no vectors
 * (similarity unknown), a keyword match counts as relevant. The default threshold was chosen on the sample handbook
 * with bge-small-en-v1.5: questions it answers score about 0.7-0.85 on their best passage, unrelated questions
 * ("what's the weather on Mars?") about 0.45-0.6.
 */
public final class RelevanceGate {

    public static final double DEFAULT_MIN_SIMILARITY = 0.62;
    public static final int DEFAULT_CLOSEST_SOURCES = 3;

    private final double minSimilarity;
    private final int closestSources;

    public RelevanceGate(double minSimilarity, int closestSources) {
        this.minSimilarity = minSimilarity;
        this.closestSources = closestSources;
    }

    public RelevanceGate() {
        this(DEFAULT_MIN_SIMILARITY, DEFAULT_CLOSEST_SOURCES);
    }

    /** The outcome: the passages to answer from (empty when nothing is relevant), and the closest ones otherwise. */
    public record Decision(List<SearchHit> relevant, List<SearchHit> closest) {
        public boolean answerable() {
            return !relevant.isEmpty();
        }
    }

    public Decision decide(List<SearchHit> hits) {
        List<SearchHit> relevant = hits.stream().filter(this::isRelevant).toList();
        List<SearchHit> closest =
                relevant.isEmpty() ? hits.stream().limit(closestSources).toList() : List.of();
        return new Decision(relevant, closest);
    }

    private boolean isRelevant(SearchHit hit) {
        if (Double.isNaN(hit.similarity())) {
            return hit.textRank() > 0;
        }
        return hit.similarity() >= minSimilarity;
    }
}
