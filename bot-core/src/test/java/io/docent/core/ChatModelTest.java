package io.docent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChatModelTest {

    private static final List<ChatMessage> MESSAGES = List.of(new ChatMessage(ChatMessage.Role.USER, "Say hello."));

    /** Streams its answer one word at a time, as a real model streams tokens, and remembers what it was asked. */
    private static final class WordByWordModel implements ChatModel {
        final List<Integer> maxTokensAsked = new ArrayList<>();

        @Override
        public Completion complete(List<ChatMessage> messages, int maxTokens, Consumer<String> onToken) {
            maxTokensAsked.add(maxTokens);
            List.of("Hello", " there", ".").forEach(onToken);
            return new Completion("Hello there.", false, 7, 3);
        }
    }

    @Test
    void without_a_callback_returns_the_whole_completion_and_passes_the_token_limit_on() {
        var model = new WordByWordModel();

        ChatModel.Completion completion = model.complete(MESSAGES, 42);

        assertThat(completion).isEqualTo(new ChatModel.Completion("Hello there.", false, 7, 3));
        assertThat(model.maxTokensAsked).containsExactly(42);
    }

    @Test
    void with_a_callback_streams_every_token_to_it() {
        var tokens = new ArrayList<String>();

        ChatModel.Completion completion = new WordByWordModel().complete(MESSAGES, 42, tokens::add);

        assertThat(tokens).containsExactly("Hello", " there", ".");
        assertThat(String.join("", tokens)).isEqualTo(completion.text());
    }
}
