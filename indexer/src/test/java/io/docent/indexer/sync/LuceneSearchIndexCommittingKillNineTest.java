package io.docent.indexer.sync;

import io.docent.indexer.testing.LuceneIndexFactory;
import io.docent.indexer.testing.SearchIndexFactory;

/**
 * The kill -9 test against the real {@link io.docent.core.lucene.LuceneSearchIndex} committed after every write, so
 * that the SIGKILL lands on an index whose durable state is half old export, half new (some documents replaced, some
 * not, deletes done or not): the next run must still converge, with no duplicate chunk and nothing lost. This is the
 * harder case; {@link LuceneSearchIndexKillNineTest} covers the commit-at-the-end one {@code docent index} uses.
 *
 * <p>A fast deterministic embedder is used, as there: crash safety is about the index, not the vectors.
 */
class LuceneSearchIndexCommittingKillNineTest extends KillNineConvergenceContract {

    @Override
    protected Class<? extends SearchIndexFactory> indexFactory() {
        return LuceneIndexFactory.CommittingEveryFewWrites.class;
    }
}
