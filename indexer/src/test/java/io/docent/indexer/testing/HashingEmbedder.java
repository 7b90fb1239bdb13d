package io.docent.indexer.testing;

import io.docent.core.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic test double of {@link Embedder}: a hashed bag of words in 64 dimensions, L2-normalised. Texts that
 * share words get similar vectors, which is all a sync test needs; it also counts what it was asked to embed.
 */
public final class HashingEmbedder implements Embedder {

    public static final int DIMENSION = 64;

    public final AtomicInteger calls = new AtomicInteger();
    public final List<String> embeddedTexts = new CopyOnWriteArrayList<>();
    public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @Override
    public String modelName() {
        return "hashing-bag-of-words-64";
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        calls.incrementAndGet();
        batchSizes.add(texts.size());
        embeddedTexts.addAll(texts);
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(embed(t)));
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(query);
    }

    /** How many passages were embedded in all. */
    public int passages() {
        return embeddedTexts.size();
    }

    static float[] embed(String text) {
        float[] v = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                int h = word.hashCode();
                v[Math.floorMod(h, DIMENSION)] += (h & 0x40000000) == 0 ? 1f : -1f;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1f; // no words: any unit vector, never NaN
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
