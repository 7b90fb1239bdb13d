package io.docent.app.web;

import io.docent.core.Identity;
import java.util.Locale;

/**
 * What the page and every answer say about whom Docent answers as, so that nobody mistakes the operator's view (every
 * document) for what an employee sees, or a shared key's view (public documents) for a complete answer. Constant
 * texts only: nothing a client sent is ever put into the page.
 */
final class AccessNotice {

    static final String ADMINISTRATOR =
            "Operator view: all documents, permissions not applied (you are on the service's own machine).";
    static final String MEMBER = "Signed in with your organisation account: answers use the documents you may read.";
    static final String GUEST = "Signed in as a guest: answers use public documents only.";
    static final String EXTERNAL = "Signed in from another organisation: answers use public documents only.";
    static final String SHARED_KEY = "Signed in with the shared key: answers use public documents only.";
    static final String UNREADABLE_SIGN_IN = "Your sign-in could not be read: answers use public documents only.";

    private AccessNotice() {}

    static String of(WebAccess.Decision decision) {
        return switch (decision.asker().identity().standing()) {
            case ADMINISTRATOR -> ADMINISTRATOR;
            case MEMBER -> MEMBER;
            case GUEST -> GUEST;
            case EXTERNAL -> EXTERNAL;
            case ANONYMOUS -> decision.kind() == WebAccess.Kind.EASY_AUTH ? UNREADABLE_SIGN_IN : SHARED_KEY;
        };
    }

    /** The asker's standing as the API names it: {@code administrator}, {@code member}, ... {@code anonymous}. */
    static String asker(Identity identity) {
        return identity.standing().name().toLowerCase(Locale.ROOT);
    }
}
