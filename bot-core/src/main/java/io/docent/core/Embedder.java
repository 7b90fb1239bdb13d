package io.docent.core;

import java.util.List;

/**
 * Turns text into vectors. Passages and queries are embedded differently where the model asks for it (bge models
 * prefix queries with an instruction), so there are two methods.
 *
 * <p>Vectors are L2-normalised, so a dot product is their cosine similarity. Implementations are thread-safe.
 */
public interface Embedder {

    /** A name that identifies the model and its settings; an index records it and refuses another. */
    String modelName();

    /** Length of every vector this embedder returns. */
    int dimension();

    /** One vector per text, in order. Implementations batch internally; an empty list returns an empty list. */
    List<float[]> embedPassages(List<String> texts);

    /** The vector for a search query. */
    float[] embedQuery(String query);
}
