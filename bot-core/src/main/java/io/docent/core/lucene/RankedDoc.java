package io.docent.core.lucene;

import java.util.Comparator;

/**
 * A Lucene document on its way to becoming a {@link io.docent.core.SearchHit}: identified by its index-wide doc id,
 * not yet loaded.
 *
 * @param doc the doc id in the searcher's reader
 * @param score the score the hit will carry
 * @param textRank 1-based rank in the keyword list, or 0
 * @param vectorRank 1-based rank in the vector list, or 0
 */
record RankedDoc(int doc, double score, int textRank, int vectorRank) {

    /** Higher score first; on a tie the better best rank, then the lower doc id, so results are repeatable. */
    static final Comparator<RankedDoc> BEST_FIRST = Comparator.comparingDouble(RankedDoc::score)
            .reversed()
            .thenComparingInt(RankedDoc::bestRank)
            .thenComparingInt(RankedDoc::doc);

    /** The best of the two ranks (the smaller non-zero one), for breaking ties. */
    int bestRank() {
        if (textRank == 0) {
            return vectorRank;
        }
        return vectorRank == 0 ? textRank : Math.min(textRank, vectorRank);
    }
}
