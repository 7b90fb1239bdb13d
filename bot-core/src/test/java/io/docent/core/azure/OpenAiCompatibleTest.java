package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.ChatModel.Completion;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The azure-ai-openai client against a non-Azure server (Ollama, vLLM, LM Studio) over plain http: requests reach
 * the configured base URL in OpenAI's dialect, with the model in the body and a bearer key when one is set.
 */
class OpenAiCompatibleTest {

    final FakeOpenAiServer server = new FakeOpenAiServer(false);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void chat_goes_to_the_base_url_with_the_model_in_the_body_and_a_bearer_key() {
        var settings = new OpenAiSettings(false, server.url() + "/v1", "sk-local-123", "llama3.1", null, null, null);

        Completion completion = AzureOpenAiChatModel.create(settings).complete(AzureOpenAiChatModelTest.MESSAGES, 64);

        assertThat(completion.text()).isEqualTo("Hello there.");
        assertThat(completion.promptTokens()).isEqualTo(42);
        var request = server.requests.getFirst();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.query()).isNull();
        assertThat(request.headers().get("Authorization")).containsExactly("Bearer sk-local-123");
        assertThat(request.headers()).doesNotContainKey("Api-key");
        assertThat(request.body().get("model").asText()).isEqualTo("llama3.1");
        assertThat(request.body().get("stream").asBoolean()).isTrue();
    }

    @Test
    void a_server_without_keys_gets_no_authorization_header() {
        var settings = new OpenAiSettings(false, server.url() + "/v1", null, "qwen", null, null, null);

        AzureOpenAiChatModel.create(settings).complete(AzureOpenAiChatModelTest.MESSAGES, 64);

        assertThat(server.requests.getFirst().headers()).doesNotContainKey("Authorization");
    }

    @Test
    void embeddings_go_to_the_base_url_with_the_model_in_the_body() {
        var settings = new OpenAiSettings(false, server.url() + "/v1", null, null, "nomic-embed-text", null, null);
        var embedder = AzureOpenAiEmbedder.create(settings);

        float[] vector = embedder.embedQuery("vpn access");

        assertThat(vector).hasSize(8);
        assertThat(embedder.modelName()).isEqualTo("openai:nomic-embed-text");
        var request = server.requests.getFirst();
        assertThat(request.path()).isEqualTo("/v1/embeddings");
        assertThat(request.body().get("model").asText()).isEqualTo("nomic-embed-text");
        assertThat(request.body().get("input")).hasSize(1);
    }

    @Test
    void the_sdk_alone_speaks_azure_to_any_endpoint_and_refuses_a_key_over_http() {
        // why BaseUrlPolicy exists: what the SDK does when simply given the server's URL
        var withEndpoint = new com.azure.ai.openai.OpenAIClientBuilder()
                .endpoint(server.url() + "/v1")
                .retryPolicy(AzureHttp.noRetries())
                .buildClient();
        var options = new com.azure.ai.openai.models.ChatCompletionsOptions(
                List.of(new com.azure.ai.openai.models.ChatRequestUserMessage("hi")));

        assertThatThrownBy(() -> withEndpoint.getChatCompletions("llama3.1", options))
                .isInstanceOf(com.azure.core.exception.ResourceNotFoundException.class);
        assertThat(server.requests.getFirst().path()).isEqualTo("/v1/openai/deployments/llama3.1/chat/completions");
        assertThat(server.requests.getFirst().query()).startsWith("api-version=");

        var withKey = new com.azure.ai.openai.OpenAIClientBuilder()
                .endpoint(server.url() + "/v1")
                .credential(new com.azure.core.credential.KeyCredential("sk-local"))
                .retryPolicy(AzureHttp.noRetries())
                .buildClient();
        assertThatThrownBy(() -> withKey.getChatCompletions("llama3.1", options))
                .hasMessageContaining("Key credentials require HTTPS");
    }
}
