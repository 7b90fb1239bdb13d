package io.docent.core.lucene;

import java.util.List;
import org.apache.lucene.search.ScoreDoc;

/**
 * Merges the keyword list and the vector list of a hybrid search into one ranking.
 *
 * <p>Contract: both lists are best first and hold each doc id at most once; either may be empty. The result holds
 * at most {@code topK} documents, each once, best first, with ties broken by {@link RankedDoc#BEST_FIRST}; every
 * document carries its 1-based rank in each list (0 when absent), which the relevance gate reads.
 */
interface HybridFusion {

    List<RankedDoc> fuse(ScoreDoc[] textList, ScoreDoc[] vectorList, int topK);
}
