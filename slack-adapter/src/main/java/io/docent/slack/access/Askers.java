package io.docent.slack.access;

import io.docent.core.Asker;
import io.docent.core.Audience;
import io.docent.core.Identity;
import io.docent.slack.event.IncomingMessage;
import io.docent.slack.scope.ChannelScopes;

/**
 * Who asks a Slack message and where the answer is shown: the {@link Asker} every {@link io.docent.core.Question}
 * carries. A direct message with Docent is private; any other conversation is a channel whose members
 * {@link ChannelAudiences} looks at, with the groups the scope file grants it. Docent never computes access groups
 * here: the core's access policy does, from this.
 */
public final class Askers {

    private final Identities identities;
    private final ChannelAudiences audiences;
    private final ChannelScopes scopes;

    public Askers(Identities identities, ChannelAudiences audiences, ChannelScopes scopes) {
        this.identities = identities;
        this.audiences = audiences;
        this.scopes = scopes;
    }

    /** The asker of {@code m}; never throws (what cannot be found out is the least: unknown, or guests present). */
    public Asker of(IncomingMessage m) {
        Identity who = identities.of(m.user());
        Audience where =
                m.direct() ? Audience.PRIVATE : audiences.audienceOf(m.channel(), scopes.grantsFor(m.channel()));
        return new Asker(who, where);
    }
}
