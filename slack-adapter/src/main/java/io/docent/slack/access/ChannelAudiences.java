package io.docent.slack.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.model.Conversation;
import io.docent.core.Audience;
import io.docent.slack.event.BotIdentity;
import io.docent.slack.web.SlackUser;
import io.docent.slack.web.SlackWeb;
import io.docent.slack.web.UserDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may see an answer in a Slack channel or group DM, which decides what it may draw on (the access policy in the
 * core does the rest).
 *
 * <p>The rule: {@code conversations.info} first. A conversation shared with another organisation
 * ({@code is_ext_shared}, {@code is_pending_ext_shared}, or {@code is_shared} without {@code is_org_shared}, which
 * Slack sets for both kinds of sharing) is {@link Audience.Kind#SHARED_WITH_OTHER_ORGANISATIONS}. Otherwise every
 * member is looked at ({@code conversations.members}, all pages, then {@code users.info} for each, cached by
 * {@link UserDirectory}): anyone from another organisation makes it the same; a guest, or a member Slack would not
 * describe, makes it {@link Audience.Kind#SHARED_WITH_GUESTS}; only the organisation's own people (and its own bots)
 * make it {@link Audience.Kind#SHARED}.
 *
 * <p>What it costs, and the cheaper rule for large channels: a member not yet known costs one {@code users.info}
 * (Slack's tier 4, about 100 a minute), so the first question in a channel of 200 new faces costs 200 calls, made
 * {@value #LOOKUPS_AT_ONCE} at a time. A channel with more than {@code maxMembers} members is not walked at all and
 * counts as {@link Audience.Kind#SHARED_WITH_GUESTS}: it gets public documents and what the admin granted it, not
 * what every employee may read. The outcome is cached per channel for {@code ttl} (five minutes by default) and
 * forgotten at once when Slack says someone joined or the channel was shared ({@link #forget}).
 *
 * <p>It fails closed: when {@code conversations.info} fails, Docent cannot rule out another organisation, so the
 * channel is {@link Audience.Kind#SHARED_WITH_OTHER_ORGANISATIONS} (public only, grants ignored); when the members
 * cannot all be read or described, it is {@link Audience.Kind#SHARED_WITH_GUESTS}. Never {@link Audience.Kind#SHARED}
 * on a failure, and a failure is not cached, so the next question asks again.
 */
public final class ChannelAudiences {

    public static final int DEFAULT_MAX_MEMBERS = 200;
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final int LOOKUPS_AT_ONCE = 8;
    private static final Logger log = LoggerFactory.getLogger(ChannelAudiences.class);

    private final SlackWeb web;
    private final UserDirectory users;
    private final BotIdentity workspace;
    private final int maxMembers;
    private final Cache<String, Audience.Kind> known;

    /** What was found about one channel, and whether it may be remembered (failures may not). */
    private record Finding(Audience.Kind kind, boolean cacheable) {}

    public ChannelAudiences(
            SlackWeb web, UserDirectory users, BotIdentity workspace, int maxMembers, Duration ttl, Ticker ticker) {
        if (maxMembers < 0) {
            throw new IllegalArgumentException("maxMembers must be >= 0, was " + maxMembers);
        }
        this.web = web;
        this.users = users;
        this.workspace = workspace;
        this.maxMembers = maxMembers;
        this.known = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .build();
    }

    /** The audience of {@code channel} with the groups the admin granted it. Never throws. */
    public Audience audienceOf(String channel, Set<String> granted) {
        return new Audience(kindOf(channel), granted);
    }

    /** Who is in {@code channel}, as far as Docent can tell. Never throws; never {@code PRIVATE}. */
    public Audience.Kind kindOf(String channel) {
        Audience.Kind cached = known.getIfPresent(channel);
        if (cached != null) {
            return cached;
        }
        Finding finding;
        try {
            finding = check(channel);
        } catch (RuntimeException e) {
            log.warn("Could not tell who is in {} ({}); public documents only there", channel, e.getMessage());
            finding = new Finding(Audience.Kind.SHARED_WITH_OTHER_ORGANISATIONS, false);
        }
        if (finding.cacheable()) {
            known.put(channel, finding.kind());
        }
        log.debug("Channel {}: {}", channel, finding.kind());
        return finding.kind();
    }

    /** Someone joined {@code channel}, or it was shared: ask again at the next question. */
    public void forget(String channel) {
        if (channel != null) {
            known.invalidate(channel);
        }
    }

    private Finding check(String channel) {
        ConversationsInfoResponse info = web.conversationInfo(channel);
        if (!info.isOk() || info.getChannel() == null) {
            log.warn("conversations.info failed for {} ({}); public documents only there", channel, info.getError());
            return new Finding(Audience.Kind.SHARED_WITH_OTHER_ORGANISATIONS, false);
        }
        Conversation c = info.getChannel();
        if (c.isExtShared() || c.isPendingExtShared() || (c.isShared() && !c.isOrgShared())) {
            return new Finding(Audience.Kind.SHARED_WITH_OTHER_ORGANISATIONS, true);
        }
        Integer count = c.getNumOfMembers();
        if (count != null && count > maxMembers) {
            return new Finding(Audience.Kind.SHARED_WITH_GUESTS, true);
        }
        SlackWeb.Members members = web.members(channel, maxMembers);
        if (!members.error().isEmpty()) {
            log.warn(
                    "conversations.members failed for {} ({}); answering there as if guests were present",
                    channel,
                    members.error());
            return new Finding(Audience.Kind.SHARED_WITH_GUESTS, false);
        }
        if (members.tooMany()) {
            return new Finding(Audience.Kind.SHARED_WITH_GUESTS, true);
        }
        return classify(channel, describe(members.ids()));
    }

    private Finding classify(String channel, List<SlackUser> people) {
        boolean guests = false;
        boolean outsiders = false;
        boolean unknown = false;
        for (SlackUser person : people) {
            if (Identities.ownBot(person, workspace)) {
                continue;
            }
            switch (Identities.identify(person, workspace).standing()) {
                case MEMBER, ADMINISTRATOR -> {}
                case GUEST -> guests = true;
                case EXTERNAL -> outsiders = true;
                case ANONYMOUS -> {
                    guests = true; // a member Docent cannot vouch for
                    unknown |= person.lookup() == SlackUser.Lookup.FAILED;
                }
            }
        }
        if (unknown) {
            log.warn("Some members of {} could not be looked up; answering there as if guests were present", channel);
        }
        return new Finding(Audience.shared(guests, outsiders, Set.of()).kind(), !unknown);
    }

    /** {@code users.info} for each member, {@value #LOOKUPS_AT_ONCE} at a time (most are cached). */
    private List<SlackUser> describe(List<String> ids) {
        List<SlackUser> people = new ArrayList<>(ids.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(
                LOOKUPS_AT_ONCE,
                Thread.ofVirtual().name("docent-slack-member-", 0).factory())) {
            List<Future<SlackUser>> lookups = new ArrayList<>(ids.size());
            for (String id : ids) {
                lookups.add(pool.submit(() -> users.user(id)));
            }
            for (int i = 0; i < ids.size(); i++) {
                people.add(result(lookups.get(i), ids.get(i)));
            }
        }
        return people;
    }

    private static SlackUser result(Future<SlackUser> lookup, String id) {
        try {
            return lookup.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SlackUser.failed(id);
        } catch (ExecutionException e) {
            return SlackUser.failed(id);
        }
    }
}
