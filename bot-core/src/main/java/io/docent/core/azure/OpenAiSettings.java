package io.docent.core.azure;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a language model and an embedding model: on Azure OpenAI, or on any server that speaks the OpenAI
 * API (OpenAI itself, Ollama, vLLM, LM Studio). {@link #toString()} never shows the key.
 *
 * @param azure whether {@code endpoint} is an Azure OpenAI resource (deployments, {@code api-key} or Entra ID) rather
 *     than an OpenAI-compatible base URL (models, {@code Authorization: Bearer})
 * @param endpoint the Azure resource URL ({@code https://<resource>.openai.azure.com}) or the base URL including
 *     its version path ({@code http://localhost:11434/v1})
 * @param apiKey the key, or {@code null} (Azure: use Entra ID; compatible servers: send none)
 * @param chatModel the chat deployment (Azure) or model, or {@code null} when none is configured
 * @param embeddingModel the embedding deployment (Azure) or model, or {@code null} when none is configured
 * @param embeddingDimensions the vector length to ask for ({@code dimensions}, text-embedding-3 models only), or
 *     {@code null} for the model's own
 * @param timeout how long to wait for the first byte of an answer, and between streamed chunks
 */
public record OpenAiSettings(
        boolean azure,
        String endpoint,
        String apiKey,
        String chatModel,
        String embeddingModel,
        Integer embeddingDimensions,
        Duration timeout) {

    public static final String AZURE_ENDPOINT = "AZURE_OPENAI_ENDPOINT";
    public static final String AZURE_API_KEY = "AZURE_OPENAI_API_KEY";
    public static final String AZURE_CHAT_DEPLOYMENT = "AZURE_OPENAI_CHAT_DEPLOYMENT";
    public static final String AZURE_EMBEDDING_DEPLOYMENT = "AZURE_OPENAI_EMBEDDING_DEPLOYMENT";
    public static final String AZURE_EMBEDDING_DIMENSIONS = "AZURE_OPENAI_EMBEDDING_DIMENSIONS";
    public static final String BASE_URL = "OPENAI_BASE_URL";
    public static final String API_KEY = "OPENAI_API_KEY";
    public static final String MODEL = "OPENAI_MODEL";
    public static final String EMBEDDING_MODEL = "OPENAI_EMBEDDING_MODEL";
    public static final String EMBEDDING_DIMENSIONS = "OPENAI_EMBEDDING_DIMENSIONS";
    public static final String TIMEOUT_SECONDS = "DOCENT_MODEL_TIMEOUT_SECONDS";

    /** OpenAI's own API, for {@value #API_KEY} without {@value #BASE_URL}. */
    public static final String OPENAI_API = "https://api.openai.com/v1";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public OpenAiSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /**
     * The settings in {@code env}, or empty when neither {@value #AZURE_ENDPOINT} nor {@value #BASE_URL} (nor
     * {@value #API_KEY}, meaning OpenAI itself) is set. Azure: {@value #AZURE_ENDPOINT}, {@value #AZURE_API_KEY}
     * (optional: else Entra ID), {@value #AZURE_CHAT_DEPLOYMENT}, {@value #AZURE_EMBEDDING_DEPLOYMENT}, {@value
     * #AZURE_EMBEDDING_DIMENSIONS}. Compatible: {@value #BASE_URL}, {@value #API_KEY}, {@value #MODEL}, {@value
     * #EMBEDDING_MODEL}, {@value #EMBEDDING_DIMENSIONS}. Both: {@value #TIMEOUT_SECONDS} (default 60).
     *
     * @throws io.docent.core.DocentException.InvalidInput naming the setting that is present but wrong
     */
    public static Optional<OpenAiSettings> fromMap(Map<String, String> env) {
        Config config = new Config(env);
        String azureEndpoint = config.url(AZURE_ENDPOINT, true);
        String baseUrl = config.url(BASE_URL, false);
        Integer seconds = config.integer(TIMEOUT_SECONDS, 1, 3_600);
        Duration timeout = seconds == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(seconds);
        if (azureEndpoint != null) {
            if (baseUrl != null) {
                throw Config.invalid("both " + AZURE_ENDPOINT + " and " + BASE_URL + " are set: set only one");
            }
            var settings = new OpenAiSettings(
                    true,
                    azureEndpoint,
                    config.get(AZURE_API_KEY),
                    config.get(AZURE_CHAT_DEPLOYMENT),
                    config.get(AZURE_EMBEDDING_DEPLOYMENT),
                    config.integer(AZURE_EMBEDDING_DIMENSIONS, 1, 4_096),
                    timeout);
            return Optional.of(settings.requireAModel(AZURE_CHAT_DEPLOYMENT, AZURE_EMBEDDING_DEPLOYMENT));
        }
        String apiKey = config.get(API_KEY);
        if (baseUrl == null && apiKey == null) {
            return Optional.empty();
        }
        var settings = new OpenAiSettings(
                false,
                baseUrl == null ? OPENAI_API : baseUrl,
                apiKey,
                config.get(MODEL),
                config.get(EMBEDDING_MODEL),
                config.integer(EMBEDDING_DIMENSIONS, 1, 4_096),
                timeout);
        return Optional.of(settings.requireAModel(MODEL, EMBEDDING_MODEL));
    }

    private OpenAiSettings requireAModel(String chatKey, String embeddingKey) {
        if (chatModel == null && embeddingModel == null) {
            throw Config.invalid(
                    "set " + chatKey + " (the chat model) and/or " + embeddingKey + " (the embedding model)");
        }
        return this;
    }

    /** For messages: {@code Azure OpenAI at https://x.openai.azure.com}. */
    String describe() {
        return (azure ? "Azure OpenAI at " : "the OpenAI-compatible server at ") + endpoint;
    }

    String credentialHint() {
        if (!azure) {
            return "Check " + API_KEY + ".";
        }
        return apiKey != null
                ? "Check " + AZURE_API_KEY + " (a key of this Azure OpenAI resource)."
                : "No " + AZURE_API_KEY + " is set, so Entra ID is used: sign in (az login) or give the managed"
                        + " identity the 'Cognitive Services OpenAI User' role on the resource.";
    }

    String chatSetting() {
        return azure ? AZURE_CHAT_DEPLOYMENT : MODEL;
    }

    String embeddingSetting() {
        return azure ? AZURE_EMBEDDING_DEPLOYMENT : EMBEDDING_MODEL;
    }

    @Override
    public String toString() {
        return "OpenAiSettings[" + (azure ? "Azure OpenAI" : "OpenAI-compatible") + ", endpoint=" + endpoint
                + ", auth=" + (apiKey != null ? "key ***" : azure ? "Entra ID" : "none") + ", chatModel=" + chatModel
                + ", embeddingModel=" + embeddingModel + ", embeddingDimensions=" + embeddingDimensions
                + ", timeout=" + timeout + "]";
    }
}
