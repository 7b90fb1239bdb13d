package io.docent.core.azure;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.search.documents.SearchClient;
import com.azure.search.documents.indexes.SearchIndexClient;
import com.azure.search.documents.indexes.SearchIndexClientBuilder;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.DocentException;
import io.docent.core.Sleeper;
import java.time.Duration;
import java.util.Objects;

/** Opens an {@link AzureSearchIndex}; see {@link AzureSearchIndex#builder}. */
public final class AzureSearchIndexBuilder {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final AzureSearchSettings settings;
    private AzureIndexIdentity identity;
    private HttpClient httpClient;
    private TokenCredential credential;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Ticker ticker = Ticker.systemTicker();
    private int maxBatchDocuments = DocumentWriter.MAX_DOCUMENTS;
    private long maxBatchBytes = DocumentWriter.MAX_BYTES;
    private int pageSize = KeysetScan.PAGE_SIZE;

    AzureSearchIndexBuilder(AzureSearchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The embedding model whose vectors the index holds; recorded in the index and checked on every open. */
    public AzureSearchIndexBuilder embeddingModel(String modelName, int dimension) {
        if (modelName == null || modelName.isBlank() || dimension < 1 || dimension > 4096) {
            throw new IllegalArgumentException("an embedding model needs a name and 1..4096 dimensions");
        }
        this.identity = AzureIndexIdentity.of(modelName, dimension);
        return this;
    }

    /** An index without vectors: only keyword search. */
    public AzureSearchIndexBuilder textOnly() {
        this.identity = AzureIndexIdentity.of("", 0);
        return this;
    }

    /** The HTTP client (proxy, TLS, timeouts); by default Netty with {@link #DEFAULT_TIMEOUT}. */
    public AzureSearchIndexBuilder httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return this;
    }

    /** The Entra ID credential used when no API key is set; by default {@code DefaultAzureCredential}. */
    public AzureSearchIndexBuilder credential(TokenCredential credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
        return this;
    }

    AzureSearchIndexBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    AzureSearchIndexBuilder ticker(Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        return this;
    }

    AzureSearchIndexBuilder batchLimits(int maxDocuments, long maxBytes) {
        this.maxBatchDocuments = maxDocuments;
        this.maxBatchBytes = maxBytes;
        return this;
    }

    AzureSearchIndexBuilder pageSize(int pageSize) {
        this.pageSize = pageSize;
        return this;
    }

    /**
     * Connects, and creates or checks the index.
     *
     * @throws DocentException.IndexUnavailable when the index cannot be used, with the reason and the way out
     */
    public AzureSearchIndex open() {
        if (identity == null) {
            throw new IllegalStateException("call embeddingModel(...) or textOnly() first");
        }
        SearchIndexClient indexClient = indexClient();
        SearchClient client = indexClient.getSearchClient(settings.indexName());
        Retrier retrier = Retrier.withDefaults(sleeper);
        try {
            IndexProvisioner.ensure(
                    indexClient, settings, identity, () -> retrier.call(client::getDocumentCount), retrier);
        } catch (DocentException.IndexUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            DocentException why = AzureFailures.translate(
                    settings.describe(), "create or check the index", settings.credentialHint(), e);
            throw new DocentException.IndexUnavailable(
                    "The " + settings.describe() + " cannot be used. " + why.getMessage()
                            + (settings.semantic() && why instanceof DocentException.InvalidInput
                                    ? " If the service refused the semantic configuration, its pricing tier may not"
                                            + " offer the semantic ranker: set " + AzureSearchSettings.SEMANTIC
                                            + "=false."
                                    : ""),
                    e);
        }
        return new AzureSearchIndex(
                settings,
                identity,
                client,
                retrier,
                new DocumentWriter(client, retrier, maxBatchDocuments, maxBatchBytes),
                new KeysetScan(client, retrier, pageSize),
                Caffeine.newBuilder()
                        .expireAfterWrite(Duration.ofMinutes(1))
                        .maximumSize(100_000)
                        .ticker(ticker)
                        .build());
    }

    SearchIndexClient indexClient() {
        SearchIndexClientBuilder builder = new SearchIndexClientBuilder()
                .endpoint(settings.endpoint())
                .httpClient(
                        httpClient != null
                                ? httpClient
                                : AzureHttp.client(DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT))
                .retryPolicy(AzureHttp.noRetries());
        if (settings.apiKey() != null) {
            builder.credential(new AzureKeyCredential(settings.apiKey()));
        } else {
            builder.credential(credential != null ? credential : AzureHttp.defaultCredential());
        }
        return builder.buildClient();
    }
}
