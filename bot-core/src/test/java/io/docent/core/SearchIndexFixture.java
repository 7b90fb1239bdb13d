package io.docent.core;

import static io.docent.core.TestChunk.chunk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The index under test and the vocabulary of {@link SearchIndexContract}: an implementation's test says how to make
 * a fresh index and how to reopen it. Vectors are hand-made {@value #DIMENSION}-dimensional unit vectors, so no
 * embedding model is needed and every ranking is known in advance.
 */
public abstract class SearchIndexFixture {

    /** The dimension of every vector in these tests; {@link #createIndex()} must accept it. */
    protected static final int DIMENSION = 4;

    protected static final float[] QUERY_VECTOR = TestChunk.unit(1, 0, 0, 0);

    /**
     * The instant the index gives back for a chunk's {@code lastModified} of {@code written}: the same, unless the
     * backend stores time more coarsely (then it truncates, and its Javadoc says so).
     */
    protected Instant storedInstant(Instant written) {
        return written;
    }

    /** Opened before each test and closed after it; a test may replace it (it must then close the old one). */
    protected SearchIndex index;

    /** A new, empty index for {@value #DIMENSION}-dimensional vectors. */
    protected abstract SearchIndex createIndex();

    /**
     * The index {@link #createIndex()} made, opened again after it was closed. An implementation that cannot
     * reopen must skip with {@code Assumptions.abort("why")}.
     */
    protected abstract SearchIndex reopenIndex();

    @BeforeEach
    void openIndex() {
        index = createIndex();
    }

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    /** {@code count} chunks of one document, all mentioning {@code word}. */
    protected static List<Chunk> chunks(String documentId, int count, String word) {
        return IntStream.range(0, count)
                .mapToObj(i -> chunk(documentId)
                        .ordinal(i)
                        .text(word + " part " + i)
                        .vector(1, i, 0, 0)
                        .build())
                .toList();
    }

    /** Stores the chunks, one replaceDocument per document. */
    protected void put(TestChunk... chunks) {
        Map<String, List<Chunk>> byDocument = new LinkedHashMap<>();
        for (TestChunk chunk : chunks) {
            byDocument
                    .computeIfAbsent(chunk.documentId(), d -> new ArrayList<>())
                    .add(chunk.build());
        }
        byDocument.forEach(index::replaceDocument);
    }

    protected List<SearchHit> search(String text, SearchMode mode, int topK, Scope scope) {
        String query = mode == SearchMode.VECTOR ? null : text;
        float[] vector = mode == SearchMode.TEXT ? null : QUERY_VECTOR;
        return index.search(new SearchRequest(query, vector, mode, topK, scope));
    }

    protected List<SearchHit> text(String query, int topK) {
        return index.search(new SearchRequest(query, null, SearchMode.TEXT, topK, Scope.ALL));
    }

    protected List<SearchHit> vector(float[] query, int topK) {
        return index.search(new SearchRequest(null, query, SearchMode.VECTOR, topK, Scope.ALL));
    }

    protected List<SearchHit> hybrid(String text, float[] query, int topK) {
        return index.search(new SearchRequest(text, query, SearchMode.HYBRID, topK, Scope.ALL));
    }

    protected static Scope scopeForGroups(Set<String> groups) {
        return new Scope(Set.of(), Set.of(), groups);
    }

    protected static List<String> documentIds(List<SearchHit> hits) {
        return hits.stream().map(h -> h.chunk().documentId()).toList();
    }

    protected static List<String> chunkIds(List<SearchHit> hits) {
        return hits.stream().map(h -> h.chunk().id()).toList();
    }
}
