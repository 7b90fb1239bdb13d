package io.docent.indexer.sync;

import io.docent.indexer.testing.LuceneIndexFactory;
import io.docent.indexer.testing.SearchIndexFactory;

/**
 * The kill -9 test against the real embedded index, {@link io.docent.core.lucene.LuceneSearchIndex}, in a temporary
 * folder, committed only when a sync ends, as {@code docent index} does: a SIGKILL mid-run must leave an index that
 * Lucene reopens (at its last commit, with the write lock free again) and that the next run brings to the right state.
 *
 * <p>The embedder is {@link io.docent.indexer.testing.HashingEmbedder}, not the ONNX model: crash safety is a property
 * of the index and the sync, not of the vectors, and the real model would make each round take seconds of embedding
 * without testing anything more.
 */
class LuceneSearchIndexKillNineTest extends KillNineConvergenceContract {

    @Override
    protected Class<? extends SearchIndexFactory> indexFactory() {
        return LuceneIndexFactory.class;
    }
}
