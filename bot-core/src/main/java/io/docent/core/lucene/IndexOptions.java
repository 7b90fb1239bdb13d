package io.docent.core.lucene;

import java.nio.file.Path;

/**
 * Everything {@link LuceneSearchIndexBuilder} collects, validated there.
 *
 * @param path the index directory
 * @param identity the embedding model the index must have been built with
 * @param fusion how a hybrid search merges its two lists
 * @param rrfK the reciprocal rank fusion constant
 * @param vectorWeight the weight of the vector list in the fusion (the keyword list has weight 1)
 * @param minCandidates the smallest candidate depth of each list in a hybrid search
 * @param candidateFactor candidate depth per requested hit in a hybrid search
 * @param maxConn HNSW graph: neighbours per node
 * @param beamWidth HNSW graph: candidates considered while inserting a node
 * @param quantized whether the HNSW graph is searched over int7-quantized vectors (exact floats are kept too)
 * @param ramBufferMb indexing buffer before a segment is flushed
 * @param recreate whether to discard the index in the directory and start empty
 */
record IndexOptions(
        Path path,
        LuceneIndexIdentity identity,
        FusionMethod fusion,
        int rrfK,
        double vectorWeight,
        int minCandidates,
        int candidateFactor,
        int maxConn,
        int beamWidth,
        boolean quantized,
        double ramBufferMb,
        boolean recreate) {

    /** The fusion these options ask for. */
    HybridFusion hybridFusion() {
        return switch (fusion) {
            case CONVEX -> new ConvexFusion(vectorWeight);
            case RRF -> new ReciprocalRankFusion(rrfK, vectorWeight);
        };
    }
}
