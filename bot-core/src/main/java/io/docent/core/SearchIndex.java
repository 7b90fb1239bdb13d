package io.docent.core;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search index: where chunks live and are found. The index itself is the record of what is indexed (no side
 * database), so incremental sync works the same on every implementation.
 *
 * <p>Contract (checked by {@code SearchIndexContract}):
 *
 * <ul>
 *   <li>{@link #replaceDocument} is atomic per document: a concurrent search sees all of the old chunks or all of
 *       the new ones, never a mix and never none (where the backend allows; see the implementation).
 *   <li>Writes are visible to searches after they return (near-real-time).
 *   <li>Implementations are safe for concurrent use by many threads.
 *   <li>Failures throw {@link DocentException}; an index that cannot be opened throws {@link
 *       DocentException.IndexUnavailable} with a message that says how to recover.
 * </ul>
 */
public interface SearchIndex extends AutoCloseable {

    /**
     * Replaces every chunk of {@code documentId} with {@code chunks} (which all carry that document id). An empty
     * list deletes the document.
     */
    void replaceDocument(String documentId, List<Chunk> chunks);

    /** Deletes every chunk of a document; unknown ids are ignored. */
    void deleteDocument(String documentId);

    /** Every document of {@code source} with its content hash, in no particular order. */
    List<IndexedDocument> listDocuments(String source);

    /** Hits for the request, best first, at most {@code request.topK()}, all inside {@code request.scope()}. */
    List<SearchHit> search(SearchRequest request);

    /** How many chunks the index holds. */
    long chunkCount();

    /**
     * How many documents the index holds (documents with at least one chunk), or {@code -1} when the backend cannot
     * tell cheaply. May take a while on a large index: callers that ask often cache it.
     */
    default long documentCount() {
        return -1;
    }

    /**
     * In how many chunks each of these terms occurs, so that a question's words can be weighed by how rare they are
     * (the relevance gate: "football" in "how do I join the company football team?" says more than "team"). Terms
     * are as Lucene's {@code EnglishAnalyzer} makes them (lower-cased, possessives removed, Porter-stemmed); a term
     * no chunk holds maps to 0. Empty when the backend cannot tell cheaply: then every word weighs the same.
     */
    default Map<String, Long> termCounts(Set<String> terms) {
        return Map.of();
    }

    /**
     * Makes every write so far durable, so that a crash cannot lose it. Writes are visible before this (see above)
     * but an embedded index may keep them in memory until a commit, which is costly: call it after a batch (the end
     * of a sync, periodically during a long one), not after each document. {@link #close()} commits too. An index
     * that persists each write itself does nothing.
     */
    default void commit() {}

    @Override
    void close();
}
