package io.docent.app;

import io.docent.core.ChatMessage;
import io.docent.core.ChatModel;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The language model's token usage since start-up, as the model reports it with each completion. Counted by a
 * decorator around the {@link ChatModel} ({@link #counting}), so the usage reaches the metrics without passing
 * through {@link io.docent.core.Answer}. Cheap to update from any thread.
 */
public final class TokenCounts {

    private final LongAdder prompt = new LongAdder();
    private final LongAdder completion = new LongAdder();
    private final LongAdder completions = new LongAdder();

    /** {@code model}, counting the tokens of each completion it returns here. */
    public ChatModel counting(ChatModel model) {
        return new ChatModel() {
            @Override
            public Completion complete(List<ChatMessage> messages, int maxTokens, Consumer<String> onToken) {
                Completion c = model.complete(messages, maxTokens, onToken);
                prompt.add(Math.max(0, c.promptTokens()));
                completion.add(Math.max(0, c.completionTokens()));
                completions.increment();
                return c;
            }
        };
    }

    public long promptTokens() {
        return prompt.sum();
    }

    public long completionTokens() {
        return completion.sum();
    }

    /** Completions returned (failed calls are not counted). */
    public long completions() {
        return completions.sum();
    }
}
