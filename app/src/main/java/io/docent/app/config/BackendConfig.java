package io.docent.app.config;

import io.docent.core.azure.AzureSearchSettings;
import io.docent.core.azure.OpenAiSettings;
import io.docent.core.grounded.PromptBudget;
import io.docent.core.grounded.StallGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Which production backends replace the embedded defaults, read from the settings in this one place: bot-core receives
 * the typed values ({@link OpenAiSettings}, {@link AzureSearchSettings}, {@link PromptBudget}) and never sees a key.
 *
 * @param openAi Azure OpenAI or an OpenAI-compatible server for embeddings and/or answers; empty means the bundled
 *     ONNX embedder and the extractive answerer
 * @param promptBudget how the chat model's context window is shared ({@code DOCENT_MODEL_CONTEXT_TOKENS})
 * @param azureSearch Azure AI Search; empty means the embedded Lucene index
 * @param modelStall how long a chat model that has started an answer may send no token before the answer ends there,
 *     cut short ({@code DOCENT_MODEL_STALL_SECONDS}, see {@link StallGuard})
 */
public record BackendConfig(
        Optional<OpenAiSettings> openAi,
        PromptBudget promptBudget,
        Optional<AzureSearchSettings> azureSearch,
        Duration modelStall) {

    // The keys' names are the typed records' constants, which bot-core also uses in its hints to operators.
    private static final String AZURE_OPENAI_ENDPOINT = OpenAiSettings.AZURE_ENDPOINT;
    private static final String OPENAI_BASE_URL = OpenAiSettings.BASE_URL;
    private static final String CONTEXT_TOKENS = PromptBudget.CONTEXT_TOKENS_SETTING;

    /**
     * @throws ConfigException naming every backend setting that is present but wrong
     */
    public static BackendConfig read(Settings settings) {
        Problems problems = new Problems();
        BackendConfig config = read(settings, problems);
        problems.throwIfAny();
        return config;
    }

    /** Reads the backends' settings, noting each wrong one in {@code problems} (and using no backend for it). */
    public static BackendConfig read(Settings settings, Problems problems) {
        return new BackendConfig(
                problems.check(() -> openAi(settings), Optional.empty()),
                problems.check(() -> promptBudget(settings), PromptBudget.defaults()),
                problems.check(() -> azureSearch(settings), Optional.empty()),
                problems.check(() -> modelStall(settings), StallGuard.DEFAULT_STALL));
    }

    /**
     * Azure ({@code AZURE_OPENAI_ENDPOINT}: key optional, else Entra ID; deployments) or OpenAI-compatible
     * ({@code OPENAI_BASE_URL}, or {@code OPENAI_API_KEY} alone for OpenAI itself), never both; at least one model.
     */
    static Optional<OpenAiSettings> openAi(Settings settings) {
        String azureEndpoint = url(settings, AZURE_OPENAI_ENDPOINT, true);
        String baseUrl = url(settings, OPENAI_BASE_URL, false);
        Duration timeout = Duration.ofSeconds(settings.getInt(
                OpenAiSettings.TIMEOUT_SECONDS, (int) OpenAiSettings.DEFAULT_TIMEOUT.toSeconds(), 1, 3_600));
        if (azureEndpoint != null) {
            if (baseUrl != null) {
                throw new ConfigException(
                        "both " + AZURE_OPENAI_ENDPOINT + " and " + OPENAI_BASE_URL + " are set: set only one");
            }
            var openAi = new OpenAiSettings(
                    true,
                    azureEndpoint,
                    settings.get(OpenAiSettings.AZURE_API_KEY).orElse(null),
                    settings.get(OpenAiSettings.AZURE_CHAT_DEPLOYMENT).orElse(null),
                    settings.get(OpenAiSettings.AZURE_EMBEDDING_DEPLOYMENT).orElse(null),
                    dimensions(settings, OpenAiSettings.AZURE_EMBEDDING_DIMENSIONS),
                    timeout);
            return Optional.of(requireAModel(
                    openAi, OpenAiSettings.AZURE_CHAT_DEPLOYMENT, OpenAiSettings.AZURE_EMBEDDING_DEPLOYMENT));
        }
        String apiKey = settings.get(OpenAiSettings.API_KEY).orElse(null);
        if (baseUrl == null && apiKey == null) {
            return Optional.empty();
        }
        var openAi = new OpenAiSettings(
                false,
                baseUrl == null ? OpenAiSettings.OPENAI_API : baseUrl,
                apiKey,
                settings.get(OpenAiSettings.MODEL).orElse(null),
                settings.get(OpenAiSettings.EMBEDDING_MODEL).orElse(null),
                dimensions(settings, OpenAiSettings.EMBEDDING_DIMENSIONS),
                timeout);
        return Optional.of(requireAModel(openAi, OpenAiSettings.MODEL, OpenAiSettings.EMBEDDING_MODEL));
    }

    private static Integer dimensions(Settings settings, String key) {
        return settings.get(key).isEmpty() ? null : settings.getInt(key, 0, 1, 4_096);
    }

    private static OpenAiSettings requireAModel(OpenAiSettings openAi, String chatKey, String embeddingKey) {
        if (openAi.chatModel() == null && openAi.embeddingModel() == null) {
            throw new ConfigException(
                    "set " + chatKey + " (the chat model) and/or " + embeddingKey + " (the embedding model)");
        }
        return openAi;
    }

    /** The budget for the chat model's context window ({@code DOCENT_MODEL_CONTEXT_TOKENS}), or the default. */
    static PromptBudget promptBudget(Settings settings) {
        if (settings.get(CONTEXT_TOKENS).isEmpty()) {
            return PromptBudget.defaults();
        }
        try {
            return PromptBudget.forContext(settings.getInt(CONTEXT_TOKENS, 0, 1_024, Integer.MAX_VALUE));
        } catch (ConfigException e) {
            throw new ConfigException(CONTEXT_TOKENS + " must be a whole number of tokens, at least 1024 (the chat"
                    + " model's context window)");
        }
    }

    /** {@code DOCENT_MODEL_STALL_SECONDS}: whole seconds, 1 to 600. */
    static Duration modelStall(Settings settings) {
        return Duration.ofSeconds(
                settings.getInt(StallGuard.STALL_SECONDS_SETTING, (int) StallGuard.DEFAULT_STALL.toSeconds(), 1, 600));
    }

    /** Azure AI Search when {@code AZURE_SEARCH_ENDPOINT} is set ({@code AZURE_SEARCH_VECTOR_COMPRESSION}: none, scalar). */
    static Optional<AzureSearchSettings> azureSearch(Settings settings) {
        String endpoint = url(settings, AzureSearchSettings.ENDPOINT, true);
        if (endpoint == null) {
            return Optional.empty();
        }
        String compression =
                settings.get(AzureSearchSettings.QUANTIZATION, "none").toLowerCase(Locale.ROOT);
        if (!compression.equals("none") && !compression.equals("scalar")) {
            throw new ConfigException(AzureSearchSettings.QUANTIZATION + " must be none or scalar");
        }
        return Optional.of(new AzureSearchSettings(
                endpoint,
                settings.get(AzureSearchSettings.INDEX, AzureSearchSettings.DEFAULT_INDEX),
                settings.get(AzureSearchSettings.API_KEY).orElse(null),
                settings.getBoolean(AzureSearchSettings.SEMANTIC, false),
                settings.get(AzureSearchSettings.ANALYZER, AzureSearchSettings.DEFAULT_ANALYZER),
                compression.equals("scalar")));
    }

    /** An absolute http(s) URL without a trailing slash, or null when unset; {@code httpsOnly} refuses plain http. */
    private static String url(Settings settings, String key, boolean httpsOnly) {
        Optional<String> value = settings.get(key);
        if (value.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(value.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http");
            if (uri.getHost() == null || !(scheme.equals("https") || http)) {
                throw new ConfigException(key + " must be an absolute URL such as https://name.example.com");
            }
            if (http && httpsOnly) {
                throw new ConfigException(key + " must be an https:// URL: Azure sends credentials only over https");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(key + " is not a valid URL");
        }
        return value.get().replaceAll("/+$", "");
    }
}
