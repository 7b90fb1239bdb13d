package io.docent.indexer.testing;

import io.docent.core.Chunk;
import io.docent.core.IndexedDocument;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.SearchRequest;
import io.docent.core.lucene.LuceneSearchIndex;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens the real embedded index, {@link LuceneSearchIndex}, in a folder, for vectors of {@link HashingEmbedder}.
 * Like {@code docent index}, a sync through it commits only when it ends (at {@link SearchIndex#close()}).
 */
public final class LuceneIndexFactory implements SearchIndexFactory {

    @Override
    public SearchIndex open(Path folder) {
        return LuceneSearchIndex.open(folder, new HashingEmbedder().modelName(), HashingEmbedder.DIMENSION);
    }

    /**
     * The same index, committed after every {@value #WRITES_PER_COMMIT} writes: what a sync that commits
     * periodically would leave on disk, at a fine grain. A SIGKILL then finds some documents durable at their new
     * version, some at their old one, and deletes done or not, which is the state the next run has to converge from.
     * (A commit after every single write is an fsync each and made the test take ~40 s on 2 cores.)
     */
    public static final class CommittingEveryFewWrites implements SearchIndexFactory {

        @Override
        public SearchIndex open(Path folder) {
            return new Committing(new LuceneIndexFactory().open(folder));
        }
    }

    static final int WRITES_PER_COMMIT = 4;

    private static final class Committing implements SearchIndex {

        private final SearchIndex index;
        private int writes;

        Committing(SearchIndex index) {
            this.index = index;
        }

        private void wrote() {
            if (++writes % WRITES_PER_COMMIT == 0) {
                index.commit();
            }
        }

        @Override
        public void replaceDocument(String documentId, List<Chunk> chunks) {
            index.replaceDocument(documentId, chunks);
            wrote();
        }

        @Override
        public void deleteDocument(String documentId) {
            index.deleteDocument(documentId);
            wrote();
        }

        @Override
        public List<IndexedDocument> listDocuments(String source) {
            return index.listDocuments(source);
        }

        @Override
        public List<SearchHit> search(SearchRequest request) {
            return index.search(request);
        }

        @Override
        public long chunkCount() {
            return index.chunkCount();
        }

        @Override
        public void commit() {
            index.commit();
        }

        @Override
        public void close() {
            index.close();
        }
    }
}
