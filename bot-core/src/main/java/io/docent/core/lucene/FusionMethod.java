package io.docent.core.lucene;

/**
 * How a hybrid search merges its keyword and vector lists ({@code DOCENT_FUSION}).
 *
 * <p>{@link #CONVEX} is the default: on SciFact train it was chosen by 5-fold cross-validation against
 * {@link #RRF} (held-out nDCG@10 0.767 against 0.760), and on msmarco-5k, which was not used for the choice, both are
 * level with vector search alone within noise (docs/benchmarks.md). RRF stays
 * for comparison and for lists whose scores mean nothing, since it reads ranks only.
 */
public enum FusionMethod {
    /** A weighted sum of min-max-normalised BM25 and vector scores ({@link ConvexFusion}). */
    CONVEX,
    /** Weighted reciprocal rank fusion ({@link ReciprocalRankFusion}). */
    RRF
}
