package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.core.ChatMessage;
import io.docent.core.ChatModel.Completion;
import io.docent.core.DocentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chat model against a fake Azure OpenAI resource over https, with an api-key. */
class AzureOpenAiChatModelTest {

    static final List<ChatMessage> MESSAGES = List.of(
            new ChatMessage(ChatMessage.Role.SYSTEM, "Answer briefly."),
            new ChatMessage(ChatMessage.Role.USER, "Hi?"),
            new ChatMessage(ChatMessage.Role.ASSISTANT, "Hello."),
            new ChatMessage(ChatMessage.Role.USER, "How are you?"));

    final FakeOpenAiServer server = new FakeOpenAiServer(true);
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void streams_tokens_as_they_arrive_and_records_usage() {
        CountDownLatch firstToken = new CountDownLatch(1);
        server.enqueue(new FakeOpenAiServer.Stream(List.of("Fine", ",", " thanks."), "stop", true, firstToken));
        List<String> seen = new ArrayList<>();

        Completion completion = model(Duration.ofSeconds(10)).complete(MESSAGES, 200, token -> {
            seen.add(token);
            firstToken.countDown();
        });

        assertThat(server.releasedInTime)
                .as("first token reached the caller before the stream ended")
                .isTrue();
        assertThat(seen).containsExactly("Fine", ",", " thanks.");
        assertThat(completion).isEqualTo(new Completion("Fine, thanks.", false, 42, 3));
    }

    @Test
    void sends_what_the_azure_openai_rest_api_expects() {
        model(Duration.ofSeconds(10)).complete(MESSAGES, 123);

        var request = server.requests.getFirst();
        assertThat(request.path()).isEqualTo("/openai/deployments/gpt-4o-chat/chat/completions");
        assertThat(request.query()).startsWith("api-version=");
        assertThat(request.headers().get("Api-key")).containsExactly(FakeOpenAiServer.AZURE_KEY);
        JsonNode body = request.body();
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(123);
        assertThat(body.get("messages"))
                .extracting(m -> m.get("role").asText())
                .containsExactly("system", "user", "assistant", "user");
    }

    @Test
    void throttling_is_retried_after_the_wait_the_service_asked_for() {
        server.enqueue(FakeOpenAiServer.throttled(2), FakeOpenAiServer.tokens("OK"));

        Completion completion = model(Duration.ofSeconds(10)).complete(MESSAGES, 50);

        assertThat(completion.text()).isEqualTo("OK");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void a_prompt_refused_by_the_content_filter_is_a_refused_completion() {
        server.enqueue(FakeOpenAiServer.contentFilterRefusal());

        Completion completion = model(Duration.ofSeconds(10)).complete(MESSAGES, 50);

        assertThat(completion.refused()).isTrue();
        assertThat(completion.text()).isEmpty();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void an_answer_cut_by_the_content_filter_is_refused_with_what_came_before() {
        server.enqueue(new FakeOpenAiServer.Stream(List.of("The answer is"), "content_filter", true, null));

        Completion completion = model(Duration.ofSeconds(10)).complete(MESSAGES, 50);

        assertThat(completion.refused()).isTrue();
        assertThat(completion.text()).isEqualTo("The answer is");
    }

    @Test
    void server_errors_are_retried_then_reported_as_retriable() {
        for (int i = 0; i < Retrier.DEFAULT_MAX_ATTEMPTS; i++) {
            server.enqueue(FakeOpenAiServer.error(500, "InternalServerError", "The server had an error."));
        }

        assertThatThrownBy(() -> model(Duration.ofSeconds(10)).complete(MESSAGES, 50))
                .isInstanceOf(DocentException.Retriable.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining(server.url());
        assertThat(sleeps).hasSize(Retrier.DEFAULT_MAX_ATTEMPTS - 1);
    }

    @Test
    void a_slow_server_times_out_without_retrying() {
        server.enqueue(new FakeOpenAiServer.Slow(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> model(Duration.ofMillis(300)).complete(MESSAGES, 50))
                .isInstanceOf(DocentException.TimedOut.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void an_unknown_deployment_names_the_setting() {
        server.enqueue(FakeOpenAiServer.error(
                404, "DeploymentNotFound", "The API deployment for this resource does not exist."));

        assertThatThrownBy(() -> model(Duration.ofSeconds(10)).complete(MESSAGES, 50))
                .hasMessageContaining("AZURE_OPENAI_CHAT_DEPLOYMENT")
                .hasMessageContaining("gpt-4o-chat");
    }

    @Test
    void refused_credentials_name_the_setting_and_never_the_key() {
        var settings = settings(server, "wrong-key-987", Duration.ofSeconds(10));
        var model = new AzureOpenAiChatModel(
                OpenAiClients.build(settings, TestTls.get().httpClient(), null),
                settings,
                Retrier.withDefaults(sleeps::add),
                null);

        assertThatThrownBy(() -> model.complete(MESSAGES, 50))
                .isInstanceOf(DocentException.AuthenticationFailed.class)
                .hasMessageContaining("AZURE_OPENAI_API_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-key-987"));
        assertThat(settings.toString()).doesNotContain("wrong-key-987");
    }

    @Test
    void without_a_key_the_entra_id_token_is_sent() {
        var keyless = settings(server, null, Duration.ofSeconds(10));
        com.azure.core.credential.TokenCredential credential =
                request -> reactor.core.publisher.Mono.just(new com.azure.core.credential.AccessToken(
                        "entra-token", java.time.OffsetDateTime.now().plusHours(1)));
        var model = new AzureOpenAiChatModel(
                OpenAiClients.build(keyless, TestTls.get().httpClient(), credential),
                keyless,
                Retrier.withDefaults(sleeps::add),
                null);

        model.complete(MESSAGES, 20);

        var headers = server.requests.getFirst().headers();
        assertThat(headers.get("Authorization")).containsExactly("Bearer entra-token");
        assertThat(headers).doesNotContainKey("Api-key");
    }

    private AzureOpenAiChatModel model(Duration timeout) {
        var settings = settings(server, FakeOpenAiServer.AZURE_KEY, timeout);
        return new AzureOpenAiChatModel(
                OpenAiClients.build(settings, TestTls.get().httpClient(timeout), null),
                settings,
                Retrier.withDefaults(sleeps::add),
                0.1);
    }

    static OpenAiSettings settings(FakeOpenAiServer server, String key, Duration timeout) {
        return new OpenAiSettings(true, server.url(), key, "gpt-4o-chat", "embeddings-3", null, timeout);
    }
}
