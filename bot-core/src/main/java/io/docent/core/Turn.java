package io.docent.core;

import java.util.Objects;

/** One turn of a conversation: who spoke and what they said, platform markup already removed. */
public record Turn(Role role, String text) {

    public enum Role {
        USER,
        ASSISTANT
    }

    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static Turn user(String text) {
        return new Turn(Role.USER, text);
    }

    public static Turn assistant(String text) {
        return new Turn(Role.ASSISTANT, text);
    }
}
