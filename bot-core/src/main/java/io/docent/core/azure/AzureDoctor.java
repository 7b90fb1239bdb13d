package io.docent.core.azure;

import com.azure.core.http.HttpClient;
import io.docent.core.doctor.HealthCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The health checks of the configured Azure AI Search and Azure OpenAI (or OpenAI-compatible) backends, for {@link
 * io.docent.core.doctor.Doctor}. The caller reads the settings (the app's configuration); nothing configured, no
 * checks. Checks make no retries and change nothing.
 */
public final class AzureDoctor {

    private AzureDoctor() {}

    /**
     * @param openAi the configured model server, if any
     * @param search the configured search service, if any
     * @param embeddingModel the model name of the embedder Docent is wired with, or {@code null} if unknown; when
     *     {@code openAi} configures an Azure OpenAI embedding with dimensions, that one is used
     * @param dimension that embedder's vector length (ignored when {@code embeddingModel} is null)
     */
    public static List<HealthCheck> checks(
            Optional<OpenAiSettings> openAi,
            Optional<AzureSearchSettings> search,
            String embeddingModel,
            int dimension) {
        return checks(openAi, search, embeddingModel, dimension, null);
    }

    static List<HealthCheck> checks(
            Optional<OpenAiSettings> openAi,
            Optional<AzureSearchSettings> search,
            String embeddingModel,
            int dimension,
            HttpClient http) {
        List<HealthCheck> checks = new ArrayList<>();
        AzureIndexIdentity expected = embeddingModel == null ? null : AzureIndexIdentity.of(embeddingModel, dimension);
        if (openAi.isPresent()
                && openAi.get().embeddingModel() != null
                && openAi.get().embeddingDimensions() != null) {
            OpenAiSettings s = openAi.get();
            expected = AzureIndexIdentity.of(AzureOpenAiEmbedder.create(s, http).modelName(), s.embeddingDimensions());
        }
        if (search.isPresent()) {
            AzureSearchIndexBuilder builder =
                    AzureSearchIndex.builder(search.get()).sleeper(d -> {});
            if (http != null) {
                builder.httpClient(http);
            }
            checks.add(new AzureSearchCheck(search.get(), expected, builder));
        }
        openAi.ifPresent(s -> checks.add(new AzureOpenAiCheck(
                s,
                () -> new AzureOpenAiChatModel(OpenAiClients.build(s, http, null), s, once(), null),
                () -> new AzureOpenAiEmbedder(OpenAiClients.build(s, http, null), s, once(), 1))));
        return checks;
    }

    private static Retrier once() {
        return new Retrier(
                1, Retrier.DEFAULT_INITIAL_BACKOFF, Retrier.DEFAULT_MAX_BACKOFF, d -> {}, java.time.Clock.systemUTC());
    }
}
