package io.docent.indexer.sync;

import io.docent.core.Chunk;
import io.docent.core.DocentException;
import io.docent.core.Embedder;
import io.docent.core.IndexedDocument;
import io.docent.core.SearchIndex;
import io.docent.core.SourceDocument;
import io.docent.indexer.ContentHash;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.chunking.Chunker;
import io.docent.indexer.sync.SyncResult.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link SourceSync}: receives the reader's documents, decides for each whether it is new, changed or
 * unchanged, and writes the new and changed ones.
 *
 * <p>Embedding is the expensive step, so chunks of several documents are queued and embedded {@code batchSize} at a
 * time, and a document is written (atomically, with {@link SearchIndex#replaceDocument}) as soon as all of its chunks
 * have vectors. At most one batch plus one document's chunks are held in memory, however large the export.
 */
final class SyncRun implements DocumentReader.Sink {

    private static final Logger log = LoggerFactory.getLogger(SyncRun.class);

    private final String source;
    private final SearchIndex index;
    private final Embedder embedder;
    private final Chunker chunker;
    private final int batchSize;
    private final int commitEvery;
    private final SyncProgress progress;
    private int writtenSinceCommit;

    /** Index document ids by reader id: what the index held for this source when the run started. */
    final Map<String, IndexedDocument> indexed = new HashMap<>();

    final Set<String> seen = new HashSet<>();
    /** Reader ids whose entry failed: their indexed chunks are kept. */
    final Set<String> kept = new HashSet<>();

    final List<Problem> failed = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();
    boolean exportIncomplete;
    int added;
    int updated;
    int unchanged;
    long chunksWritten;

    /** The exception the sink itself threw (index or embedder), to tell it from the reader's own failures. */
    RuntimeException sinkFailure;

    private final Deque<PendingDocument> pending = new ArrayDeque<>();
    private final Deque<Slot> unembedded = new ArrayDeque<>();
    private int done;
    private int total = -1;

    SyncRun(
            String source,
            SearchIndex index,
            Embedder embedder,
            Chunker chunker,
            int batchSize,
            int commitEvery,
            SyncProgress progress) {
        this.commitEvery = commitEvery;
        this.source = source;
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
        this.batchSize = batchSize;
        this.progress = progress;
        for (IndexedDocument doc : index.listDocuments(source)) {
            indexed.put(SourceSync.readerId(source, doc.documentId()), doc);
        }
    }

    @Override
    public void expect(int entries) {
        total = entries;
        progress.update(done, total);
    }

    @Override
    public void document(SourceDocument doc) {
        try {
            accept(doc);
        } catch (RuntimeException e) {
            sinkFailure = e;
            throw e;
        }
    }

    @Override
    public void failed(ReadFailure failure) {
        failed.add(new Problem(failure.path(), failure.reason()));
        if (failure.hidesDocuments()) {
            exportIncomplete = true;
        } else {
            kept.add(failure.documentId());
        }
        log.warn("{}: {}", failure.path(), failure.reason());
        finished();
    }

    @Override
    public void skipped(String path, String reason) {
        log.debug("{}: skipped, {}", path, reason);
        finished();
    }

    @Override
    public void warning(String path, String message) {
        warnings.add(new Problem(path, message));
        log.warn("{}: {}", path, message);
    }

    private void accept(SourceDocument doc) {
        String path = doc.metadata().getOrDefault("path", doc.id());
        if (!seen.add(doc.id())) {
            failed.add(new Problem(path, "duplicate document id '" + doc.id() + "': the first one read was kept"));
            finished();
            return;
        }
        String hash = ContentHash.of(doc.contentHash(), chunker.settings().fingerprint());
        IndexedDocument before = indexed.get(doc.id());
        if (before != null && before.contentHash().equals(hash)) {
            unchanged++;
            finished();
            return;
        }
        List<Chunk> chunks;
        try {
            chunks = chunker.chunk(forIndex(doc, hash));
        } catch (RuntimeException e) {
            // a chunker bug on one document must not stop the run or cost the document its indexed chunks
            log.error("could not chunk {}", path, e);
            failed.add(new Problem(path, "could not be chunked: " + e));
            kept.add(doc.id());
            finished();
            return;
        }
        PendingDocument p = new PendingDocument(SourceSync.indexId(source, doc.id()), chunks, before == null);
        pending.addLast(p);
        for (int i = 0; i < chunks.size(); i++) {
            unembedded.addLast(new Slot(p, i));
        }
        while (unembedded.size() >= batchSize) {
            embedBatch();
        }
        writeCompleted();
    }

    /** Embeds and writes everything still queued. */
    void flush() {
        try {
            while (!unembedded.isEmpty()) {
                embedBatch();
            }
            writeCompleted();
        } catch (RuntimeException e) {
            sinkFailure = e;
            throw e;
        }
        progress.update(done, Math.max(total, done));
    }

    private void embedBatch() {
        List<Slot> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && !unembedded.isEmpty()) {
            batch.add(unembedded.removeFirst());
        }
        List<String> texts = batch.stream()
                .map(s -> s.document.chunks.get(s.ordinal).textForEmbedding())
                .toList();
        List<float[]> vectors = embedder.embedPassages(texts);
        if (vectors.size() != texts.size()) {
            throw new DocentException("Embedder " + embedder.modelName() + " returned " + vectors.size()
                    + " vectors for " + texts.size() + " texts");
        }
        for (int i = 0; i < batch.size(); i++) {
            float[] vector = vectors.get(i);
            if (vector == null || vector.length != embedder.dimension()) {
                throw new DocentException("Embedder " + embedder.modelName() + " returned a vector of length "
                        + (vector == null ? "null" : vector.length) + ", expected " + embedder.dimension());
            }
            Slot slot = batch.get(i);
            List<Chunk> chunks = slot.document.chunks;
            chunks.set(slot.ordinal, chunks.get(slot.ordinal).withEmbedding(vector));
            slot.document.embedded++;
        }
    }

    private void writeCompleted() {
        while (!pending.isEmpty() && pending.peekFirst().complete()) {
            PendingDocument p = pending.removeFirst();
            index.replaceDocument(p.indexId, p.chunks);
            chunksWritten += p.chunks.size();
            if (++writtenSinceCommit >= commitEvery) {
                index.commit();
                writtenSinceCommit = 0;
            }
            if (p.isNew) {
                added++;
            } else {
                updated++;
            }
            finished();
        }
    }

    private void finished() {
        done++;
        progress.update(done, total);
    }

    /** The document as the index stores it: namespaced id, and a hash that also covers the chunker's settings. */
    private SourceDocument forIndex(SourceDocument doc, String hash) {
        return new SourceDocument(
                SourceSync.indexId(source, doc.id()),
                source,
                doc.space(),
                doc.title(),
                doc.url(),
                doc.breadcrumb(),
                doc.content(),
                hash,
                doc.lastModified(),
                doc.accessGroups(),
                doc.metadata());
    }

    private static final class PendingDocument {
        final String indexId;
        final List<Chunk> chunks;
        final boolean isNew;
        int embedded;

        PendingDocument(String indexId, List<Chunk> chunks, boolean isNew) {
            this.indexId = indexId;
            this.chunks = new ArrayList<>(chunks);
            this.isNew = isNew;
        }

        boolean complete() {
            return embedded == chunks.size();
        }
    }

    private record Slot(PendingDocument document, int ordinal) {}
}
