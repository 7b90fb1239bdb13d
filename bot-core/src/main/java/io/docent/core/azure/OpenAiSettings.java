package io.docent.core.azure;

import java.time.Duration;
import java.util.Objects;

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

    // The names of the settings, which app reads (io.docent.app.config.BackendConfig) and hints here name.
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
