package io.docent.core.extractive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.docent.core.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The passage vectors of the units the answerer weighs by meaning, remembered by their exact text.
 *
 * <p>Why a cache: embedding sentences at question time was nearly all of an extractive answer's cost (about 0.3
 * CPU-seconds when every candidate was embedded). A company's questions cluster on a few pages, so the same sentences
 * come back answer after answer; a vector depends only on the model and the text, so it never goes stale. The units
 * missing from the cache are embedded together, in one batch, because the model's per-call overhead is a good part of
 * the cost of a short sentence.
 *
 * <p>Bounded by entry count ({@link #DEFAULT_MAXIMUM_SIZE} by default: a 384-dimension vector and a sentence take about
 * 2 KB, so about 40 MB at most), evicted by Caffeine's frequency-aware policy. Thread-safe if the embedder is. Vectors
 * handed out are the cached arrays: callers only read them.
 */
final class UnitVectors {

    /** Units remembered: the sentences of a few thousand pages. */
    static final long DEFAULT_MAXIMUM_SIZE = 20_000;

    private final Embedder embedder;
    private final Cache<String, float[]> vectors;

    UnitVectors(Embedder embedder, long maximumSize) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (maximumSize < 0) {
            throw new IllegalArgumentException("maximumSize must be >= 0, was " + maximumSize);
        }
        // Eviction runs on the calling thread: a few pointer moves, and the size is exact when a call returns.
        this.vectors = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .build();
    }

    float[] query(String query) {
        return embedder.embedQuery(query);
    }

    /** One vector per text, in order; the texts not cached are embedded in one call. */
    List<float[]> passages(List<String> texts) {
        Map<String, float[]> found = new HashMap<>(vectors.getAllPresent(texts));
        List<String> missing =
                texts.stream().filter(t -> !found.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> embedded = embedder.embedPassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                found.put(missing.get(i), embedded.get(i));
                vectors.put(missing.get(i), embedded.get(i));
            }
        }
        List<float[]> result = new ArrayList<>(texts.size());
        for (String t : texts) {
            result.add(found.get(t));
        }
        return result;
    }
}
