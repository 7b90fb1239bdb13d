package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.AnswerGenerator;
import io.docent.core.ChatMessage;
import io.docent.core.ChatModel;
import io.docent.core.Chunk;
import io.docent.core.DocentException;
import io.docent.core.SearchHit;
import io.docent.core.grounded.GroundedAnswerGenerator;
import io.docent.core.grounded.StallGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A model that stops writing mid-answer, over real HTTP: the fake OpenAI-compatible server sends some chunks of a
 * streamed completion and then nothing, the connection open. The {@link StallGuard} around the real client ends the
 * completion with what had arrived instead of waiting for the client's timeout and losing it.
 */
class StalledModelTest {

    static final Duration STALL = Duration.ofMillis(300);

    final FakeOpenAiServer server = new FakeOpenAiServer(false);
    final CountDownLatch released = new CountDownLatch(1);

    @AfterEach
    void stop() {
        released.countDown();
        server.close();
    }

    @Test
    void a_model_that_stops_mid_answer_ends_cut_short_with_what_it_wrote() {
        server.enqueue(
                new FakeOpenAiServer.Stalling(List.of("Open a request", " in the IT portal [1]", " and"), released));
        List<String> tokens = new ArrayList<>();

        ChatModel.Completion completion = guarded().complete(messages(), 200, tokens::add);

        assertThat(tokens).containsExactly("Open a request", " in the IT portal [1]", " and");
        assertThat(completion.text()).isEqualTo("Open a request in the IT portal [1] and");
        assertThat(completion.cutShort()).isTrue();
        assertThat(completion.refused()).isFalse();
        assertThat(completion.completionTokens()).isPositive();
    }

    @Test
    void the_grounded_draft_of_a_stalled_model_is_marked_cut_short() {
        server.enqueue(new FakeOpenAiServer.Stalling(List.of("Open a request", " in the IT portal [1]."), released));
        List<String> written = new ArrayList<>();

        AnswerGenerator.Draft draft = new GroundedAnswerGenerator(guarded()).generate(request(), written::add);

        assertThat(draft.text()).isEqualTo("Open a request in the IT portal [1].");
        assertThat(draft.grounded()).isTrue();
        assertThat(draft.cutShort()).isTrue();
        assertThat(written).containsExactly("Open a request", "Open a request in the IT portal [1].");
    }

    @Test
    void a_model_that_keeps_writing_is_not_cut_short() {
        server.tokenInterval = Duration.ofMillis(20); // well inside the stall limit
        server.enqueue(FakeOpenAiServer.tokens("Fine", ",", " thanks", "."));

        ChatModel.Completion completion = guarded().complete(messages(), 200);

        assertThat(completion).isEqualTo(new ChatModel.Completion("Fine, thanks.", false, 42, 4, false));
    }

    @Test
    void a_failure_before_the_first_token_is_reported_as_before() {
        server.enqueue(FakeOpenAiServer.error(401, "invalid_api_key", "Incorrect API key provided."));

        assertThatThrownBy(() -> guarded().complete(messages(), 200))
                .isInstanceOf(DocentException.AuthenticationFailed.class);
    }

    private ChatModel guarded() {
        var settings = new OpenAiSettings(false, server.url() + "/v1", "sk-local", "llama3.1", null, null, null);
        return new StallGuard(
                new AzureOpenAiChatModel(
                        OpenAiClients.build(settings, null, null), settings, Retrier.withDefaults(d -> {}), 0.1),
                STALL);
    }

    private static List<ChatMessage> messages() {
        return List.of(new ChatMessage(ChatMessage.Role.USER, "How are you?"));
    }

    private static AnswerGenerator.Request request() {
        var chunk = new Chunk(
                "vpn#0",
                "vpn",
                "handbook",
                "IT",
                "VPN Access",
                "https://wiki.example/vpn",
                "",
                "Open a request in the IT portal.",
                0,
                "h",
                null,
                Set.of(),
                null);
        return new AnswerGenerator.Request(
                "How do I get VPN access?",
                "How do I get VPN access?",
                List.of(),
                List.of(new AnswerGenerator.Source(1, new SearchHit(chunk, 1, 1, 1, 0.8))));
    }
}
