package io.docent.indexer.sync;

import io.docent.indexer.testing.FileSearchIndex;
import io.docent.indexer.testing.SearchIndexFactory;

/**
 * The kill -9 test against {@link FileSearchIndex}, a file-per-document test double with atomic replace. It proves
 * the sync's side (hashes compared afresh, deletes last) across a real SIGKILL; {@link
 * LuceneSearchIndexKillNineTest} runs the same test against the real index.
 */
class FileSearchIndexKillNineTest extends KillNineConvergenceContract {

    @Override
    protected Class<? extends SearchIndexFactory> indexFactory() {
        return FileSearchIndex.Factory.class;
    }
}
