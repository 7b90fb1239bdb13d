package io.docent.core.azure;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach an Azure AI Search index. {@link #toString()} never shows the key.
 *
 * @param endpoint the service URL, {@code https://<service>.search.windows.net}
 * @param indexName the index Docent owns (created if missing)
 * @param apiKey an admin key, or {@code null} to use Entra ID (the identity needs the "Search Index Data
 *     Contributor" and "Search Service Contributor" roles)
 * @param semantic whether queries use the semantic ranker (a paid feature of the service)
 * @param analyzer the analyzer of the title and content fields, for example {@code en.lucene} or {@code
 *     de.microsoft}; fixed when the index is created
 * @param scalarQuantization whether vectors are stored compressed to int8 (smaller, slightly less exact)
 */
public record AzureSearchSettings(
        String endpoint,
        String indexName,
        String apiKey,
        boolean semantic,
        String analyzer,
        boolean scalarQuantization) {

    // The names of the settings, which app reads (io.docent.app.config.BackendConfig) and hints here name.
    public static final String ENDPOINT = "AZURE_SEARCH_ENDPOINT";
    public static final String INDEX = "AZURE_SEARCH_INDEX";
    public static final String API_KEY = "AZURE_SEARCH_API_KEY";
    public static final String SEMANTIC = "AZURE_SEARCH_SEMANTIC";
    public static final String ANALYZER = "AZURE_SEARCH_ANALYZER";
    public static final String QUANTIZATION = "AZURE_SEARCH_VECTOR_COMPRESSION";

    public static final String DEFAULT_INDEX = "docent";
    public static final String DEFAULT_ANALYZER = "en.lucene";

    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");

    public AzureSearchSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        indexName = indexName == null ? DEFAULT_INDEX : indexName;
        analyzer = analyzer == null ? DEFAULT_ANALYZER : analyzer;
        if (!INDEX_NAME.matcher(indexName).matches() || indexName.endsWith("-")) {
            throw Config.invalid(INDEX + " must be lower-case letters, digits and dashes (at most 128), starting with"
                    + " a letter or digit");
        }
    }

    /** Settings for a key-less (Entra ID) connection with the defaults. */
    public static AzureSearchSettings of(String endpoint, String indexName) {
        return new AzureSearchSettings(endpoint, indexName, null, false, DEFAULT_ANALYZER, false);
    }

    /** This connection with another index name (tests, side-by-side rebuilds). */
    public AzureSearchSettings withIndexName(String name) {
        return new AzureSearchSettings(endpoint, name, apiKey, semantic, analyzer, scalarQuantization);
    }

    /** This connection with the semantic ranker on or off. */
    public AzureSearchSettings withSemantic(boolean enabled) {
        return new AzureSearchSettings(endpoint, indexName, apiKey, enabled, analyzer, scalarQuantization);
    }

    /** For messages: the index and where it lives. */
    String describe() {
        return "Azure AI Search index '" + indexName + "' at " + endpoint;
    }

    String credentialHint() {
        return apiKey != null
                ? "Check " + API_KEY + " (an admin key of this search service)."
                : "No " + API_KEY + " is set, so Entra ID is used: sign in (az login) or give the managed identity the"
                        + " 'Search Index Data Contributor' and 'Search Service Contributor' roles on the service,"
                        + " and make sure the service allows role-based access.";
    }

    @Override
    public String toString() {
        return "AzureSearchSettings[endpoint=" + endpoint + ", indexName=" + indexName + ", auth="
                + (apiKey == null ? "Entra ID" : "api-key ***") + ", semantic=" + semantic + ", analyzer=" + analyzer
                + ", scalarQuantization=" + scalarQuantization + "]";
    }
}
