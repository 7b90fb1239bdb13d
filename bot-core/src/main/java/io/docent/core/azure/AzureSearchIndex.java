package io.docent.core.azure;

import com.azure.search.documents.SearchClient;
import com.github.benmanes.caffeine.cache.Cache;
import io.docent.core.Chunk;
import io.docent.core.DocentException;
import io.docent.core.Embedder;
import io.docent.core.IndexedDocument;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.SearchRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The production {@link SearchIndex}: an Azure AI Search index, one search document per chunk (fields in {@link
 * ChunkFields}, definition in {@link IndexSchema}), created or checked when opened ({@link IndexProvisioner}).
 *
 * <p><b>What replaceDocument guarantees.</b> The service has no transactions: each document of a batch is applied
 * on its own. Docent writes the new chunks first (an upload replaces a chunk with the same id in place), and only
 * then deletes the old chunks that the new version no longer has. So a reader never sees a replaced document vanish,
 * and sees at most its old chunks plus its new ones while the write is in flight: possibly a mix of versions, never
 * nothing. If the upload fails, nothing is deleted and the old version stays searchable.
 *
 * <p><b>Visibility.</b> The service makes writes searchable within about a second, not at once. To find the chunks
 * to delete, Docent searches for the document's keys and adds the keys it wrote itself for the document in the
 * last minute, so a quick second write from the same process cannot leave orphans behind. Writers in several
 * processes must not write the same document at the same time (the indexer does not).
 *
 * <p><b>Durability.</b> Every write is durable when it returns: {@link #commit()} has nothing to do.
 *
 * <p><b>Threads.</b> Every method may be called from any thread; writes of one document are serialised.
 */
public final class AzureSearchIndex implements SearchIndex {

    private static final int LOCK_STRIPES = 64;

    private final AzureSearchSettings settings;
    private final AzureIndexIdentity identity;
    private final SearchClient client;
    private final Retrier retrier;
    private final DocumentWriter writer;
    private final KeysetScan scan;
    private final ChunkQuery query;
    private final Cache<String, Set<String>> recentWrites;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
    private final AtomicBoolean closed = new AtomicBoolean();

    AzureSearchIndex(
            AzureSearchSettings settings,
            AzureIndexIdentity identity,
            SearchClient client,
            Retrier retrier,
            DocumentWriter writer,
            KeysetScan scan,
            Cache<String, Set<String>> recentWrites) {
        this.settings = settings;
        this.identity = identity;
        this.client = client;
        this.retrier = retrier;
        this.writer = writer;
        this.scan = scan;
        this.query = new ChunkQuery(client, identity, settings.semantic());
        this.recentWrites = recentWrites;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Opens the index for vectors of {@code embedder}, creating it if it does not exist.
     *
     * @throws DocentException.IndexUnavailable if the service cannot be reached, refuses the credentials, or holds an
     *     index of that name that Docent cannot use (another schema or embedding model); the message says how to fix
     *     it
     */
    public static AzureSearchIndex open(AzureSearchSettings settings, Embedder embedder) {
        return builder(settings)
                .embeddingModel(embedder.modelName(), embedder.dimension())
                .open();
    }

    /** Options beyond the defaults: a text-only index, an HTTP client, an Entra ID credential. */
    public static AzureSearchIndexBuilder builder(AzureSearchSettings settings) {
        return new AzureSearchIndexBuilder(settings);
    }

    @Override
    public void replaceDocument(String documentId, List<Chunk> chunks) {
        requireDocumentId(documentId);
        Objects.requireNonNull(chunks, "chunks");
        List<DocumentWriter.Action> uploads = new ArrayList<>(chunks.size());
        Set<String> newKeys = new HashSet<>();
        for (Chunk chunk : chunks) {
            validate(documentId, chunk);
            // a text-only index has no vector field: embeddings are ignored, as Lucene's text-only index does
            Map<String, Object> doc = ChunkFields.toDocument(identity.hasVectors() ? chunk : chunk.withEmbedding(null));
            uploads.add(DocumentWriter.Action.upload(doc));
            newKeys.add((String) doc.get(ChunkFields.KEY));
        }
        locked(documentId, () -> {
            Set<String> stale = existingKeys(documentId);
            stale.removeAll(newKeys);
            writer.write(uploads); // first: readers keep seeing the document
            recentWrites.put(documentId, newKeys);
            writer.write(stale.stream().map(DocumentWriter.Action::delete).toList());
            return null;
        });
    }

    @Override
    public void deleteDocument(String documentId) {
        requireDocumentId(documentId);
        locked(documentId, () -> {
            Set<String> keys = existingKeys(documentId);
            writer.write(keys.stream().map(DocumentWriter.Action::delete).toList());
            recentWrites.put(documentId, Set.of());
            return null;
        });
    }

    /**
     * Every document of {@code source}. A document whose chunks disagree on the content hash (a replace that failed
     * half-way) is listed with an empty hash, so the next sync writes it again.
     */
    @Override
    public List<IndexedDocument> listDocuments(String source) {
        Objects.requireNonNull(source, "source");
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        call("list the documents of source '" + source + "' in", () -> {
            scan.forEach(
                    ODataFilter.eq(ChunkFields.SOURCE, source),
                    List.of(ChunkFields.DOCUMENT_ID, ChunkFields.CONTENT_HASH),
                    doc -> {
                        String id = ChunkFields.string(doc, ChunkFields.DOCUMENT_ID);
                        String hash = ChunkFields.string(doc, ChunkFields.CONTENT_HASH);
                        hashes.merge(id, hash, (a, b) -> a.equals(b) ? a : "");
                        counts.merge(id, 1, Integer::sum);
                    });
            return null;
        });
        List<IndexedDocument> documents = new ArrayList<>(hashes.size());
        hashes.forEach((id, hash) -> documents.add(new IndexedDocument(id, source, hash, counts.get(id))));
        return documents;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        return call("search", () -> query.search(request, retrier));
    }

    @Override
    public long chunkCount() {
        return call("count the chunks of", () -> retrier.call(client::getDocumentCount));
    }

    /** Nothing to do: the service makes every write durable before it answers. */
    @Override
    public void commit() {
        requireOpen();
    }

    /** Marks the index closed; the SDK's clients hold no resources of their own. */
    @Override
    public void close() {
        closed.set(true);
    }

    /** The keys of a document's chunks that a search finds now (for tests that wait for the service). */
    Set<String> searchableKeys(String documentId) {
        Set<String> keys = new HashSet<>();
        scan.forEach(
                ODataFilter.eq(ChunkFields.DOCUMENT_ID, documentId),
                List.of(),
                doc -> keys.add((String) doc.get(ChunkFields.KEY)));
        return keys;
    }

    @Override
    public String toString() {
        return "AzureSearchIndex[" + settings.describe() + ", " + identity.describe() + "]";
    }

    private Set<String> existingKeys(String documentId) {
        Set<String> keys = searchableKeys(documentId);
        Set<String> recent = recentWrites.getIfPresent(documentId);
        if (recent != null) {
            keys.addAll(recent);
        }
        return keys;
    }

    private void validate(String documentId, Chunk chunk) {
        if (!chunk.documentId().equals(documentId)) {
            throw new DocentException.InvalidInput(
                    "chunk " + chunk.id() + " belongs to document " + chunk.documentId() + ", not " + documentId);
        }
        float[] vector = chunk.embedding();
        if (vector != null && identity.hasVectors() && vector.length != identity.dimension()) {
            throw new DocentException.InvalidInput("Document " + documentId + " cannot be indexed: chunk "
                    + chunk.id() + " has an embedding of " + vector.length + " dimensions, the index holds "
                    + identity.dimension() + " dimensions");
        }
    }

    private <T> T locked(String documentId, Supplier<T> write) {
        ReentrantLock lock = locks[Math.floorMod(documentId.hashCode(), locks.length)];
        lock.lock();
        try {
            return call("write document " + documentId + " to", write);
        } finally {
            lock.unlock();
        }
    }

    private <T> T call(String action, Supplier<T> work) {
        requireOpen();
        try {
            return work.get();
        } catch (RuntimeException e) {
            DocentException failure =
                    AzureFailures.translate(settings.describe(), action + " the index", settings.credentialHint(), e);
            if (AzureFailures.status(e) == 404) {
                throw new DocentException.IndexUnavailable(
                        "The " + settings.describe() + " no longer exists (it was deleted while Docent was running)."
                                + " Restart Docent to create it again, then run `docent index`.",
                        e);
            }
            throw failure;
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new DocentException.IndexUnavailable("The " + settings.describe() + " was closed.", null);
        }
    }

    private static void requireDocumentId(String documentId) {
        if (documentId == null || documentId.isBlank()) {
            throw new IllegalArgumentException("documentId must not be blank");
        }
    }
}
