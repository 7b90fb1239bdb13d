package io.docent.core;

import java.util.Objects;

/**
 * A search against a {@link SearchIndex}.
 *
 * @param text the query text; required for {@link SearchMode#TEXT} and {@link SearchMode#HYBRID}
 * @param vector the query embedding; required for {@link SearchMode#VECTOR} and {@link SearchMode#HYBRID}
 * @param mode how to match
 * @param topK how many hits to return at most, >= 1
 * @param scope which chunks may be returned
 */
public record SearchRequest(String text, float[] vector, SearchMode mode, int topK, Scope scope) {

    public SearchRequest {
        Objects.requireNonNull(mode, "mode");
        scope = scope == null ? Scope.ALL : scope;
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, was " + topK);
        }
        if (mode != SearchMode.VECTOR && (text == null || text.isBlank())) {
            throw new IllegalArgumentException("text is required for " + mode + " search");
        }
        if (mode != SearchMode.TEXT && (vector == null || vector.length == 0)) {
            throw new IllegalArgumentException("vector is required for " + mode + " search");
        }
    }
}
