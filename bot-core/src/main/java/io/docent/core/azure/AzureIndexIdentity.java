package io.docent.core.azure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an index was built for, kept in the index's description (where a person looking at the index in the portal
 * sees it too): vectors of one embedding model are meaningless next to another's, so an index is only ever used with
 * the model that built it.
 *
 * @param schema Docent's index layout version
 * @param embeddingModel the embedding model's name, or {@code ""} for a text-only index
 * @param dimension the vectors' dimension, or 0 for a text-only index
 */
record AzureIndexIdentity(String schema, String embeddingModel, int dimension) {

    /** Bumped when the fields or their meaning change incompatibly. */
    static final String SCHEMA = "1";

    private static final Pattern RECORDED = Pattern.compile(
            "docent-schema=(?<schema>[^;\\s]+); embedding-model=(?<model>[^;]*); dimensions=(?<dims>\\d+)");

    static AzureIndexIdentity of(String embeddingModel, int dimension) {
        return new AzureIndexIdentity(SCHEMA, embeddingModel == null ? "" : embeddingModel, dimension);
    }

    boolean hasVectors() {
        return dimension > 0;
    }

    String toDescription() {
        return "Docent chunks index. docent-schema=" + schema + "; embedding-model=" + embeddingModel + "; dimensions="
                + dimension + "; do not edit this line.";
    }

    /** The identity recorded in a description, or {@code null} if it records none. */
    static AzureIndexIdentity parse(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = RECORDED.matcher(description);
        if (!m.find()) {
            return null;
        }
        return new AzureIndexIdentity(m.group("schema"), m.group("model"), Integer.parseInt(m.group("dims")));
    }

    /** For messages: {@code embedding model 'x' (1536 dimensions)}. */
    String describe() {
        return hasVectors()
                ? "embedding model '" + embeddingModel + "' (" + dimension + " dimensions)"
                : "no embedding model (text-only)";
    }
}
