package io.docent.core.lucene;

import io.docent.core.Chunk;
import io.docent.core.DocentException;
import io.docent.core.IndexedDocument;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The embedded {@link SearchIndex}: a Lucene index in a local directory, BM25 over one field holding title and text,
 * HNSW over the chunk embeddings, and a fusion of the two lists for hybrid search.
 *
 * <p><b>Atomicity.</b> A document's chunks are written with {@link IndexWriter#updateDocuments}, which deletes the
 * old chunks and adds the new ones as one block: a reader sees all of the old chunks or all of the new ones.
 *
 * <p><b>Visibility.</b> Searches use near-real-time readers from a {@link SearcherManager}. Reopening one after
 * every write would flush a tiny segment per document and make a 100,000-chunk sync crawl, so writes only count
 * themselves, and the first read after a write reopens the reader (once, however many writes came before). A
 * search therefore sees every write that returned before it began, an indexing run without searches opens no
 * reader at all, and a search with no write before it pays nothing.
 *
 * <p><b>Durability.</b> Writes are visible at once but durable only after {@link #commit()} (an fsync of the
 * segments) or {@link #close()}. A crash loses the writes since the last commit, never the index itself: Lucene
 * reopens at the last commit. Docent's indexer commits at the end of each sync and periodically during long ones;
 * as the index is the record of what is indexed, the next sync simply redoes lost documents.
 *
 * <p><b>Readers beside a writer.</b> Only one process at a time may open a directory for writing (Lucene's write
 * lock). Any number may open it {@linkplain LuceneSearchIndexBuilder#openReadOnly() for reading only}, which takes no
 * lock: that is how {@code docent serve} answers questions while a scheduled {@code docent index} run updates the
 * same index. A read-only index sees another process's writes once that process commits, within the refresh
 * interval: searches check for a newer commit at most once per interval (a directory listing), never on every query.
 *
 * <p><b>Threads.</b> Every method may be called from any thread.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private final Path path;
    private final LuceneIndexIdentity identity;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ChunkDocuments documents;
    private final ChunkSearch search;
    private final AtomicLong writes = new AtomicLong();
    private final Object refreshLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongSupplier nanoClock;
    private final long refreshIntervalNanos;
    private volatile long visibleWrites;
    private volatile long lastRefreshNanos;

    LuceneSearchIndex(IndexOptions options) {
        this(options, false, Duration.ZERO, System::nanoTime);
    }

    LuceneSearchIndex(IndexOptions options, boolean readOnly, Duration refreshInterval, LongSupplier nanoClock) {
        Analyzer analyzer = new EnglishAnalyzer();
        IndexOpener.Opened opened = readOnly
                ? IndexOpener.openReader(options, new Bm25SearcherFactory())
                : IndexOpener.open(options, analyzer, new Bm25SearcherFactory());
        this.nanoClock = nanoClock;
        this.refreshIntervalNanos = refreshInterval.toNanos();
        this.lastRefreshNanos = nanoClock.getAsLong();
        this.path = options.path();
        this.identity = options.identity();
        this.directory = opened.directory();
        this.writer = opened.writer();
        this.searchers = opened.searchers();
        this.documents = new ChunkDocuments(identity.dimension());
        this.search = new ChunkSearch(new KeywordQuery(analyzer), documents, identity.hasVectors(), options);
    }

    /**
     * Opens the index in {@code directory}, creating it if there is none, for vectors of {@code embeddingModel}.
     *
     * @throws DocentException.IndexUnavailable if the index is locked by another process, damaged, or was built
     *     with another model or dimension
     */
    public static LuceneSearchIndex open(Path directory, String embeddingModel, int dimension) {
        return builder(directory).embeddingModel(embeddingModel, dimension).open();
    }

    /**
     * Opens a text-only index: embeddings of chunks are ignored and only {@link io.docent.core.SearchMode#TEXT}
     * searches are possible. For running without an embedding model.
     */
    public static LuceneSearchIndex openTextOnly(Path directory) {
        return builder(directory).open();
    }

    /**
     * Whether {@code directory} holds a committed index with at least one chunk, looked at without opening it (no
     * lock, no model check). A damaged index counts as having chunks: opening it is what reports the damage.
     */
    public static boolean hasChunks(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Directory dir = FSDirectory.open(directory)) {
            if (!DirectoryReader.indexExists(dir)) {
                return false;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return reader.numDocs() > 0;
            }
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Options beyond the defaults: fusion constant, candidate depth, HNSW parameters, rebuild. */
    public static LuceneSearchIndexBuilder builder(Path directory) {
        return new LuceneSearchIndexBuilder(directory);
    }

    /** The index directory. */
    public Path path() {
        return path;
    }

    /** Whether this index was opened for reading only (writes throw {@link IllegalStateException}). */
    public boolean readOnly() {
        return writer == null;
    }

    @Override
    public void replaceDocument(String documentId, List<Chunk> chunks) {
        requireDocumentId(documentId);
        Objects.requireNonNull(chunks, "chunks");
        var block = documents.toDocuments(documentId, chunks);
        write(documentId, () -> {
            if (block.isEmpty()) {
                writer.deleteDocuments(ChunkDocuments.documentTerm(documentId));
            } else {
                writer.updateDocuments(ChunkDocuments.documentTerm(documentId), block);
            }
        });
    }

    @Override
    public void deleteDocument(String documentId) {
        requireDocumentId(documentId);
        write(documentId, () -> writer.deleteDocuments(ChunkDocuments.documentTerm(documentId)));
    }

    @Override
    public List<IndexedDocument> listDocuments(String source) {
        Objects.requireNonNull(source, "source");
        return read(searcher -> DocumentListing.list(searcher.getIndexReader(), source));
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        return read(searcher -> search.search(searcher, request));
    }

    @Override
    public long chunkCount() {
        return read(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /** Chunks holding the term in the field BM25 searches (title, breadcrumb and text), deleted chunks included. */
    @Override
    public Map<String, Long> termCounts(Set<String> terms) {
        Objects.requireNonNull(terms, "terms");
        return read(searcher -> {
            var reader = searcher.getIndexReader();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String term : terms) {
                counts.put(term, (long) reader.docFreq(new Term(ChunkDocuments.CONTENTS, term)));
            }
            return counts;
        });
    }

    @Override
    public long documentCount() {
        return read(searcher -> DocumentListing.count(searcher.getIndexReader()));
    }

    /**
     * Makes every write so far durable (an fsync of new segments). Costly: call it after a batch. Does nothing on a
     * read-only index.
     */
    @Override
    public void commit() {
        if (readOnly()) {
            return;
        }
        try {
            writer.commit();
        } catch (IOException e) {
            throw IndexFailures.onAccess(path, "commit", e);
        } catch (AlreadyClosedException e) {
            throw IndexFailures.closed(path, e);
        }
    }

    /** Commits and releases the directory; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            searchers.close();
            if (writer != null) {
                writer.close(); // commits
            }
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                IOUtils.closeWhileHandlingException(writer::rollback);
            }
            throw new DocentException("Could not close the search index at " + path + " cleanly: " + e, e);
        } finally {
            IOUtils.closeWhileHandlingException(directory);
        }
    }

    @Override
    public String toString() {
        return "LuceneSearchIndex[" + path + ", " + identity.describe() + (readOnly() ? ", read-only" : "") + "]";
    }

    private static void requireDocumentId(String documentId) {
        if (documentId == null || documentId.isBlank()) {
            throw new IllegalArgumentException("documentId must not be blank");
        }
    }

    private void write(String documentId, IndexWrite action) {
        if (readOnly()) {
            throw IndexFailures.readOnly(path);
        }
        try {
            action.run();
            writes.incrementAndGet();
        } catch (IOException e) {
            throw IndexFailures.onAccess(path, "write document " + documentId + " to", e);
        } catch (AlreadyClosedException e) {
            throw IndexFailures.closed(path, e);
        } catch (IllegalArgumentException e) {
            // Lucene rejected the document (an immense term, a bad vector) without changing the index
            throw new DocentException.InvalidInput("Document " + documentId + " cannot be indexed: " + e.getMessage());
        }
    }

    private <T> T read(IndexRead<T> action) {
        try {
            if (readOnly()) {
                refreshIfStale();
            } else {
                refreshIfWritten();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw IndexFailures.onAccess(path, "read", e);
        } catch (AlreadyClosedException e) {
            throw IndexFailures.closed(path, e);
        }
    }

    /** Reopens the reader if a write returned since the last reopen (see the class comment). */
    private void refreshIfWritten() throws IOException {
        if (writes.get() == visibleWrites) {
            return;
        }
        synchronized (refreshLock) {
            long written = writes.get();
            if (written != visibleWrites) {
                searchers.maybeRefreshBlocking();
                visibleWrites = written;
            }
        }
    }

    /**
     * Read-only: looks for another process's newer commit if the last look is older than the refresh interval.
     * {@code maybeRefresh} returns at once when another thread is already refreshing.
     */
    private void refreshIfStale() throws IOException {
        long now = nanoClock.getAsLong();
        if (now - lastRefreshNanos < refreshIntervalNanos) {
            return;
        }
        lastRefreshNanos = now;
        searchers.maybeRefresh();
    }

    /** Searchers that score with the index's BM25 parameters (Lucene's defaults are 1.2 / 0.75). */
    private static final class Bm25SearcherFactory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(KeywordQuery.similarity());
            return searcher;
        }
    }

    @FunctionalInterface
    private interface IndexWrite {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface IndexRead<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
