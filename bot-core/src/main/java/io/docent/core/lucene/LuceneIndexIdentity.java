package io.docent.core.lucene;

import java.util.HashMap;
import java.util.Map;

/**
 * What an index was built for, recorded in the user data of every Lucene commit: vectors from one embedding model
 * are meaningless next to another's, so an index is only ever opened with the model that built it.
 *
 * @param schema Docent's index layout version
 * @param embeddingModel the embedding model's name, or {@code ""} for a text-only index
 * @param dimension the vectors' dimension, or 0 for a text-only index
 */
record LuceneIndexIdentity(String schema, String embeddingModel, int dimension) {

    /**
     * Bumped when the fields or their meaning change incompatibly. 2: BM25 over one {@code contents} field (title,
     * breadcrumb, text) instead of separate title and text fields.
     */
    static final String SCHEMA = "2";

    private static final String SCHEMA_KEY = "docent.index.schema";
    private static final String MODEL_KEY = "docent.embedding.model";
    private static final String DIMENSION_KEY = "docent.embedding.dimension";

    static LuceneIndexIdentity of(String embeddingModel, int dimension) {
        return new LuceneIndexIdentity(SCHEMA, embeddingModel, dimension);
    }

    static LuceneIndexIdentity textOnly() {
        return of("", 0);
    }

    boolean hasVectors() {
        return dimension > 0;
    }

    Map<String, String> toCommitData() {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA_KEY, schema);
        data.put(MODEL_KEY, embeddingModel);
        data.put(DIMENSION_KEY, Integer.toString(dimension));
        return data;
    }

    /** The identity recorded in a commit, or {@code null} if the commit was not written by Docent. */
    static LuceneIndexIdentity fromCommitData(Iterable<Map.Entry<String, String>> commitData) {
        Map<String, String> data = new HashMap<>();
        if (commitData != null) {
            commitData.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        if (!data.containsKey(SCHEMA_KEY) || !data.containsKey(MODEL_KEY)) {
            return null;
        }
        int dimension;
        try {
            dimension = Integer.parseInt(data.getOrDefault(DIMENSION_KEY, "0"));
        } catch (NumberFormatException e) {
            dimension = -1;
        }
        return new LuceneIndexIdentity(data.get(SCHEMA_KEY), data.get(MODEL_KEY), dimension);
    }

    /** For messages: {@code 'bge-small-en-v1.5' (384 dimensions)}. */
    String describe() {
        if (!hasVectors()) {
            return "no embedding model (text-only)";
        }
        return "embedding model '" + embeddingModel + "' (" + dimension + " dimensions)";
    }
}
