package io.docent.core.grounded;

import io.docent.core.ChatMessage;
import io.docent.core.ChatModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
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

    private final Deque<Supplier<Completion>> script = new ArrayDeque<>();
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    ScriptedChatModel answers(String text) {
        script.add(() -> new Completion(text, false, 100, 20));
        return this;
    }

    ScriptedChatModel refuses() {
        script.add(() -> new Completion("", true, 100, 0));
        return this;
    }

    ScriptedChatModel does(Supplier<Completion> behaviour) {
        script.add(behaviour);
        return this;
    }

    @Override
    public Completion complete(List<ChatMessage> messages, int maxTokens, Consumer<String> onToken) {
        calls.add(new Call(List.copyOf(messages), maxTokens));
        Supplier<Completion> next = script.poll();
        if (next == null) {
            throw new AssertionError("the model was called more often than the test expected");
        }
        Completion completion = next.get();
        onToken.accept(completion.text());
        return completion;
    }
}
