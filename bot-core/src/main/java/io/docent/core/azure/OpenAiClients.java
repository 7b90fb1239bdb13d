package io.docent.core.azure;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the azure-ai-openai client for either kind of server.
 *
 * <p>Azure: the SDK's own mode (deployment paths, {@code api-version}, {@code api-key} or an Entra ID token).
 *
 * <p>OpenAI-compatible: the SDK cannot be pointed at one. With an endpoint set it always speaks Azure's dialect
 * ({@code /openai/deployments/{name}/chat/completions?api-version=...}, an {@code api-key} header), which Ollama or
 * vLLM do not understand; without one it uses OpenAI's dialect ({@code /chat/completions}, the model in the body)
 * but with {@code https://api.openai.com/v1} hard-coded. Docent builds it in the second mode and adds {@link
 * BaseUrlPolicy}, which sends each request to the configured base URL instead and adds the bearer key itself, so
 * plain http works for a local server (the SDK refuses to send a key credential over http).
 */
final class OpenAiClients {

    private static final Logger log = LoggerFactory.getLogger(OpenAiClients.class);

    private OpenAiClients() {}

    static OpenAIClient build(OpenAiSettings settings, HttpClient httpClient, TokenCredential credential) {
        Duration timeout = settings.timeout();
        OpenAIClientBuilder builder = new OpenAIClientBuilder()
                .httpClient(
                        httpClient != null ? httpClient : AzureHttp.client(Duration.ofSeconds(10), timeout, timeout))
                .retryPolicy(AzureHttp.noRetries());
        if (settings.azure()) {
            builder.endpoint(settings.endpoint());
            if (settings.apiKey() != null) {
                builder.credential(new AzureKeyCredential(settings.apiKey()));
            } else {
                builder.credential(credential != null ? credential : AzureHttp.defaultCredential());
            }
        } else {
            warnIfKeyInClear(settings);
            builder.addPolicy(new BaseUrlPolicy(settings.endpoint(), settings.apiKey()));
        }
        return builder.buildClient();
    }

    private static void warnIfKeyInClear(OpenAiSettings settings) {
        URI uri = URI.create(settings.endpoint());
        String host = uri.getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        if (settings.apiKey() != null && "http".equalsIgnoreCase(uri.getScheme()) && !loopback) {
            log.warn(
                    "{} is http: {} will cross the network unencrypted. Use https.",
                    OpenAiSettings.BASE_URL,
                    OpenAiSettings.API_KEY);
        }
    }
}
