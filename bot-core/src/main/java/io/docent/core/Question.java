package io.docent.core;

import java.util.List;
import java.util.Objects;

/**
 * A question as the core sees it: the text, the conversation so far (oldest first, platform markup and the bot's
 * source blocks already stripped by the adapter), where it may search, and who asks where.
 *
 * @param scope the sources and spaces it may search; its {@code accessGroups} must be {@code null}: what the asker may
 *     read comes from {@code asker} through the access policy, never from the surface
 * @param asker who asks and where the answer is shown; {@link Asker#ANONYMOUS} (public documents only) when not given
 */
public record Question(String text, List<Turn> history, Scope scope, Asker asker) {

    public Question {
        Objects.requireNonNull(text, "text");
        history = history == null ? List.of() : List.copyOf(history);
        scope = scope == null ? Scope.ALL : scope;
        if (scope.accessGroups() != null) {
            throw new IllegalArgumentException(
                    "scope.accessGroups must be null in a Question: access comes from the asker");
        }
        asker = asker == null ? Asker.ANONYMOUS : asker;
    }

    /** A question from someone unknown: public documents only. */
    public static Question of(String text) {
        return new Question(text, List.of(), Scope.ALL, Asker.ANONYMOUS);
    }

    /** A question from the operator (the command line): every document. */
    public static Question fromAdministrator(String text) {
        return new Question(text, List.of(), Scope.ALL, Asker.ADMINISTRATOR);
    }
}
