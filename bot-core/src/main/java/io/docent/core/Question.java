package io.docent.core;

import java.util.List;
import java.util.Objects;

/**
 * A question as the core sees it: the text, the conversation so far (oldest first, platform markup and the bot's
 * source blocks already stripped by the adapter), and what it may search.
 */
public record Question(String text, List<Turn> history, Scope scope) {

    public Question {
        Objects.requireNonNull(text, "text");
        history = history == null ? List.of() : List.copyOf(history);
        scope = scope == null ? Scope.ALL : scope;
    }

    public static Question of(String text) {
        return new Question(text, List.of(), Scope.ALL);
    }
}
