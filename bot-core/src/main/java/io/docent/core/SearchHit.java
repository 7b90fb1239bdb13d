package io.docent.core;

import java.util.Objects;

/**
 * One result of a search. {@code score} orders hits within one result list only: its scale depends on the mode
 * (BM25 score, cosine similarity, or fused rank score) and is not comparable across modes.
 *
 * @param chunk the chunk found (its {@code embedding} may be {@code null})
 * @param score the ranking score, higher is better
 * @param textRank 1-based rank in the keyword list, or 0 if absent from it
 * @param vectorRank 1-based rank in the vector list, or 0 if absent from it
 * @param similarity cosine similarity between the query vector and the chunk, or {@code NaN} when unknown
 */
public record SearchHit(Chunk chunk, double score, int textRank, int vectorRank, double similarity) {

    public SearchHit {
        Objects.requireNonNull(chunk, "chunk");
    }
}
