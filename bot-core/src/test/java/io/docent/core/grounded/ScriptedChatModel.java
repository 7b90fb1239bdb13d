package io.docent.core.grounded;

import io.docent.core.ChatMessage;
import io.docent.core.ChatModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** A {@link ChatModel} that answers from a script and remembers what it was asked. */
final class ScriptedChatModel implements ChatModel {

    record Call(List<ChatMessage> messages, int maxTokens) {
        String system() {
            return messages.getFirst().content();
        }

        String last() {
            return messages.getLast().content();
        }
    }

    private final Deque<Function<Consumer<String>, Completion>> script = new ArrayDeque<>();
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    ScriptedChatModel answers(String text) {
        does(() -> new Completion(text, false, 100, 20));
        return this;
    }

    ScriptedChatModel refuses() {
        does(() -> new Completion("", true, 100, 0));
        return this;
    }

    ScriptedChatModel does(Supplier<Completion> behaviour) {
        script.add(onToken -> {
            Completion completion = behaviour.get();
            onToken.accept(completion.text());
            return completion;
        });
        return this;
    }

    /** A completion streamed in these tokens, as a model server sends them. */
    ScriptedChatModel streams(List<String> tokens) {
        script.add(onToken -> {
            tokens.forEach(onToken);
            return new Completion(String.join("", tokens), false, 100, tokens.size());
        });
        return this;
    }

    @Override
    public Completion complete(List<ChatMessage> messages, int maxTokens, Consumer<String> onToken) {
        calls.add(new Call(List.copyOf(messages), maxTokens));
        Function<Consumer<String>, Completion> next = script.poll();
        if (next == null) {
            throw new AssertionError("the model was called more often than the test expected");
        }
        return next.apply(onToken);
    }
}
