package io.docent.core;

import java.util.Objects;

/**
 * Who asks a question and where its answer is shown: the two facts the access policy turns into what the search may
 * use. {@link #ANONYMOUS} is the fail-closed default (public documents only); {@link #ADMINISTRATOR} must be chosen
 * explicitly.
 */
public record Asker(Identity identity, Audience audience) {

    /** The command line or the service's own machine: every document, permissions not applied. */
    public static final Asker ADMINISTRATOR = new Asker(Identity.ADMINISTRATOR, Audience.PRIVATE);

    /** Someone unknown, privately: public documents only. */
    public static final Asker ANONYMOUS = new Asker(Identity.ANONYMOUS, Audience.PRIVATE);

    public Asker {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(audience, "audience");
    }

    /** A person asking in a private conversation. */
    public static Asker privately(Identity identity) {
        return new Asker(identity, Audience.PRIVATE);
    }

    /** The same person, asking privately. */
    public Asker inPrivate() {
        return new Asker(identity, Audience.PRIVATE);
    }
}
