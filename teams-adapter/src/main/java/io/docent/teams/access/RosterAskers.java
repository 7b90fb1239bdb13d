package io.docent.teams.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.Asker;
import io.docent.core.Audience;
import io.docent.core.Identity;
import io.docent.teams.activity.ConversationContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who asks and who sees the answer, from the Bot Connector's member lists ({@link ConnectorRoster}).
 *
 * <p><b>Who asks</b>: the asker's member record in the conversation the answer goes to
 * ({@code members/{from.id}}), which carries the Entra object id, tenant, email or UPN, and {@code userRole}. Its
 * standing is {@link TeamsMember#standing(String)} against the home tenant: {@code MicrosoftAppTenantId} when it is
 * configured, else the conversation's own tenant (a multi-tenant registration without a tenant id serves each
 * tenant as its own organisation; {@code DOCENT_TEAMS_ALLOWED_TENANTS} limits which). A record whose object id is not
 * the one the activity names, or a lookup that fails, makes the asker anonymous.
 *
 * <p><b>Who sees the answer</b>: a 1:1 chat is private. A shared channel ({@code membershipType} {@code shared}) is
 * read by the members of every team it is shared with, in other tenants too, whom a bot cannot list completely: it
 * counts as shared with other organisations. Any other channel or group chat is listed in full: a member with a
 * role other than {@code user} makes it shared with guests; a member of another tenant, or one without a tenant,
 * makes it shared with other organisations. A list that cannot be read, or comes back empty, counts as shared with
 * guests (never as a channel of the organisation's own). The scope file's grants are added last; the access policy
 * applies them only where it may.
 *
 * <p>Members are cached per conversation and person for {@code memberTtl}, and each conversation's summary for
 * {@code audienceTtl}; failures are not cached, so the next question asks again.
 */
public final class RosterAskers implements AskerResolver {

    public static final Duration DEFAULT_MEMBER_TTL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_AUDIENCE_TTL = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(RosterAskers.class);

    /** What the audience cache keeps of a member list: no one's identity, only what decides the audience. */
    private record Summary(boolean guests, boolean outsiders) {}

    private record MemberKey(String serviceUrl, String conversation, String userId) {}

    private record RosterKey(String serviceUrl, String conversation, String homeTenant) {}

    private final ConnectorRoster roster;
    private final String configuredHomeTenant;
    private final Cache<MemberKey, TeamsMember> members;
    private final Cache<RosterKey, Summary> audiences;

    public RosterAskers(
            ConnectorRoster roster,
            String configuredHomeTenant,
            Duration memberTtl,
            Duration audienceTtl,
            Ticker ticker) {
        this.roster = Objects.requireNonNull(roster, "roster");
        this.configuredHomeTenant = configuredHomeTenant == null ? "" : configuredHomeTenant.strip();
        this.members = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(memberTtl)
                .ticker(ticker)
                .build();
        this.audiences = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(audienceTtl)
                .ticker(ticker)
                .build();
    }

    @Override
    public Asker resolve(Asking asking) {
        return new Asker(identity(asking), audience(asking));
    }

    private Identity identity(Asking asking) {
        ConversationContext where = asking.where();
        Identity unknown =
                new Identity("teams", asking.aadObjectId(), where.tenantId(), "", Identity.Standing.ANONYMOUS);
        if (asking.serviceUrl().isEmpty() || asking.userId().isEmpty()) {
            return unknown;
        }
        TeamsMember member;
        try {
            member = members.get(
                    new MemberKey(asking.serviceUrl(), where.rosterId(), asking.userId()),
                    key -> roster.member(key.serviceUrl(), key.conversation(), key.userId()));
        } catch (RuntimeException e) {
            log.warn(
                    "Teams: who asks ({}) in {} could not be looked up, answering as anonymous: {}",
                    asking.userId(),
                    where.rosterId(),
                    e.getMessage());
            return unknown;
        }
        if (!asking.aadObjectId().isEmpty() && !asking.aadObjectId().equalsIgnoreCase(member.aadObjectId())) {
            log.warn(
                    "Teams: the member record of {} names object id {}, the activity {}; answering as anonymous",
                    asking.userId(),
                    member.aadObjectId(),
                    asking.aadObjectId());
            return unknown;
        }
        return member.identity(homeTenant(where));
    }

    private Audience audience(Asking asking) {
        ConversationContext where = asking.where();
        if (where.kind() == ConversationContext.Kind.PERSONAL) {
            return Audience.PRIVATE;
        }
        if (where.sharedChannel()) {
            return new Audience(Audience.Kind.SHARED_WITH_OTHER_ORGANISATIONS, asking.grantedGroups());
        }
        Summary summary;
        try {
            summary = audiences.get(
                    new RosterKey(asking.serviceUrl(), where.rosterId(), homeTenant(where)), this::summarise);
        } catch (RuntimeException e) {
            log.warn(
                    "Teams: the members of {} could not be listed; answering as if guests were present: {}",
                    where.rosterId(),
                    e.getMessage());
            return new Audience(Audience.Kind.SHARED_WITH_GUESTS, asking.grantedGroups());
        }
        return Audience.shared(summary.guests(), summary.outsiders(), asking.grantedGroups());
    }

    private Summary summarise(RosterKey key) {
        if (key.serviceUrl().isEmpty()) {
            throw new IllegalStateException("no service URL");
        }
        List<TeamsMember> all = roster.members(key.serviceUrl(), key.conversation());
        if (all.isEmpty()) {
            throw new IllegalStateException("the member list is empty");
        }
        boolean guests = false;
        boolean outsiders = false;
        for (TeamsMember member : all) {
            switch (member.standing(key.homeTenant())) {
                case MEMBER -> {}
                case EXTERNAL -> outsiders = true;
                default -> guests = true;
            }
        }
        return new Summary(guests, outsiders);
    }

    private String homeTenant(ConversationContext where) {
        return configuredHomeTenant.isEmpty() ? where.tenantId() : configuredHomeTenant;
    }
}
