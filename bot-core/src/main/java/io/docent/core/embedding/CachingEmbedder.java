package io.docent.core.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.docent.core.Embedder;
import java.util.List;
import java.util.Objects;

/**
 * An {@link Embedder} that remembers query embeddings, so a question asked again (by the same person rephrasing a
 * follow-up, or by the next person with the same problem) skips the model. Passages pass straight through: they are
 * embedded once, at indexing time, and caching them would only hold memory.
 *
 * <p>The cache is bounded by entry count ({@link #DEFAULT_MAXIMUM_SIZE} by default; a 384-dimension vector and its
 * key take about 2 KB, so the default holds about 20 MB at most) and evicts by Caffeine's frequency-aware policy.
 * Entries never expire: an embedding depends only on the model and the text. Keys are the exact query text, because
 * only the delegate knows which differences in a text matter to it.
 *
 * <p>A failure of the delegate is thrown to the caller and nothing is cached. Callers get their own copy of a cached
 * vector, so one caller changing its array cannot corrupt another's. Thread-safe if the delegate is.
 */
public final class CachingEmbedder implements Embedder {

    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    private final Embedder delegate;
    private final Cache<String, float[]> queries;

    public CachingEmbedder(Embedder delegate) {
        this(delegate, DEFAULT_MAXIMUM_SIZE);
    }

    /** @param maximumSize how many query embeddings to keep, at least 1 */
    public CachingEmbedder(Embedder delegate, long maximumSize) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be >= 1, was " + maximumSize);
        }
        // Maintenance (eviction) runs on the calling thread: it is a few pointer moves, and it keeps the cache's
        // size exact at the moment a call returns instead of "soon", on a shared pool.
        this.queries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return delegate.embedPassages(texts);
    }

    @Override
    public float[] embedQuery(String query) {
        Objects.requireNonNull(query, "query");
        return queries.get(query, delegate::embedQuery).clone();
    }

    /** How many query embeddings are held now (for metrics and tests). */
    public long cachedQueries() {
        queries.cleanUp();
        return queries.estimatedSize();
    }
}
