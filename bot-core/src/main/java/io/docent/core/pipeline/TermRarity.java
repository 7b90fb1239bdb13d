package io.docent.core.pipeline;

import io.docent.core.SearchIndex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How much each of a question's content words weighs when the relevance gate measures how much of the question a
 * passage covers: the rarer a word in the index, the more of the question's subject it carries. In "how do I join the
 * company football team?", "football" is the subject and "company" and "team" occur on every other page; a passage
 * with "company" and "team" but no "football" covers a quarter of the question's words and much less of its meaning.
 *
 * <p>The weight is BM25's inverse document frequency over chunks, {@code ln(1 + (N - n + 0.5) / (n + 0.5))}, where
 * {@code N} is the number of chunks and {@code n} how many hold the word; a word no chunk holds weighs the most.
 * When the index cannot count words ({@link SearchIndex#termCounts} is empty), every word weighs 1.
 */
@FunctionalInterface
public interface TermRarity {

    /** The weight of each term, all positive; the map holds every term asked for. */
    Map<String, Double> weights(Set<String> terms);

    /** Every word weighs 1: coverage is the plain share of the question's words. */
    static TermRarity uniform() {
        return terms -> {
            Map<String, Double> weights = new LinkedHashMap<>();
            terms.forEach(t -> weights.put(t, 1.0));
            return weights;
        };
    }

    /** Weights from the index's counts, read at each question (a few term lookups). */
    static TermRarity of(SearchIndex index) {
        Objects.requireNonNull(index, "index");
        return terms -> {
            if (terms.isEmpty()) {
                return Map.of();
            }
            Map<String, Long> counts = index.termCounts(terms);
            if (counts.isEmpty()) {
                return uniform().weights(terms);
            }
            long chunks = Math.max(1, index.chunkCount());
            Map<String, Double> weights = new LinkedHashMap<>();
            for (String term : terms) {
                long n = Math.min(chunks, counts.getOrDefault(term, 0L));
                weights.put(term, Math.log(1 + (chunks - n + 0.5) / (n + 0.5)));
            }
            return weights;
        };
    }
}
