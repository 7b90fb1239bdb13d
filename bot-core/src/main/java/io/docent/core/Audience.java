package io.docent.core;

import java.util.Objects;
import java.util.Set;

/**
 * Where the answer will be shown, which decides what it may draw on: a private conversation shows the asker's own
 * documents; a shared one only what every member may read.
 *
 * @param kind the kind of conversation
 * @param grantedGroups access groups the administrator granted this conversation (the scope file's
 *     {@code accessGroups} for a channel): every member may read them. Ignored for
 *     {@link Kind#SHARED_WITH_OTHER_ORGANISATIONS}.
 */
public record Audience(Kind kind, Set<String> grantedGroups) {

    public enum Kind {
        /** Only the asker sees the answer: a DM, a Teams 1:1 chat, a signed-in web chat. */
        PRIVATE,
        /** A channel or group chat whose members are all the organisation's own people. */
        SHARED,
        /** A channel or group chat with a guest in it, or whose members Docent could not check. */
        SHARED_WITH_GUESTS,
        /** A channel shared with another organisation (Slack Connect, a Teams shared channel with outsiders). */
        SHARED_WITH_OTHER_ORGANISATIONS
    }

    /** A private conversation with the asker. */
    public static final Audience PRIVATE = new Audience(Kind.PRIVATE, Set.of());

    public Audience {
        Objects.requireNonNull(kind, "kind");
        grantedGroups = grantedGroups == null ? Set.of() : Set.copyOf(grantedGroups);
    }

    /** A channel or group chat. */
    public static Audience shared(boolean guestsPresent, boolean outsidersPresent, Set<String> grantedGroups) {
        Kind kind = outsidersPresent
                ? Kind.SHARED_WITH_OTHER_ORGANISATIONS
                : guestsPresent ? Kind.SHARED_WITH_GUESTS : Kind.SHARED;
        return new Audience(kind, grantedGroups);
    }

    public boolean isPrivate() {
        return kind == Kind.PRIVATE;
    }
}
