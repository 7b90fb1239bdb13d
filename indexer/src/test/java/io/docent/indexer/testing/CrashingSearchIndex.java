package io.docent.indexer.testing;

import io.docent.core.Chunk;
import io.docent.core.IndexedDocument;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.SearchRequest;
import java.util.List;

/**
 * A {@link SearchIndex} that "crashes" (throws {@link SimulatedCrash}) at its n-th write, either before the write
 * reaches the store or just after it: the two moments a process killed during a sync can die. The store behind it
 * outlives the crash, as a real index on disk does, so a fresh run can be made against it.
 */
public final class CrashingSearchIndex implements SearchIndex {

    /** What a killed process leaves behind: nothing more runs after it. */
    public static final class SimulatedCrash extends RuntimeException {
        public SimulatedCrash(String message) {
            super(message, null, false, false);
        }
    }

    private final SearchIndex store;
    private final int crashAtWrite;
    private final boolean afterTheWrite;
    private int writes;

    /**
     * @param crashAtWrite the write (from 1) that crashes; larger than the run's writes means no crash
     * @param afterTheWrite whether that write reaches the store before the crash
     */
    public CrashingSearchIndex(SearchIndex store, int crashAtWrite, boolean afterTheWrite) {
        this.store = store;
        this.crashAtWrite = crashAtWrite;
        this.afterTheWrite = afterTheWrite;
    }

    /** Whether the crash happened. */
    public boolean crashed() {
        return writes >= crashAtWrite;
    }

    @Override
    public void replaceDocument(String documentId, List<Chunk> chunks) {
        write(() -> store.replaceDocument(documentId, chunks), "replace " + documentId);
    }

    @Override
    public void deleteDocument(String documentId) {
        write(() -> store.deleteDocument(documentId), "delete " + documentId);
    }

    private void write(Runnable write, String what) {
        writes++;
        if (writes == crashAtWrite) {
            if (afterTheWrite) {
                write.run();
            }
            throw new SimulatedCrash("killed at write " + writes + " (" + what + ", "
                    + (afterTheWrite ? "after" : "before") + " it reached the index)");
        }
        write.run();
    }

    @Override
    public List<IndexedDocument> listDocuments(String source) {
        return store.listDocuments(source);
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        return store.search(request);
    }

    @Override
    public long chunkCount() {
        return store.chunkCount();
    }

    @Override
    public void close() {}
}
