package io.docent.teams.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationAccount;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an activity was posted, which is where its answer goes.
 *
 * <p>Why the channel id comes from the conversation id and not from {@code channelData.channel.id}: the answer is
 * posted to {@code conversation.id}, so what that conversation may see (its scope, the groups the admin granted it,
 * its members) must be decided for that same conversation. A channel thread's conversation id is the channel's id
 * followed by {@code ;messageid=<root>}; the channel is the part before the semicolon. The team id cannot be derived
 * that way, so it is taken from {@code channelData.team.id} only when {@code channelData.channel.id} is absent or
 * names the same channel; an activity whose two ids disagree gets no team (and so none of a team's grants).
 *
 * @param conversationId the conversation's id; for a channel thread it ends in {@code ;messageid=<root>}, so it
 *     identifies the thread (the key of its history)
 * @param kind personal (1:1), group chat or channel
 * @param tenantId the Entra tenant of the conversation; empty when the activity does not say
 * @param teamId the team's id (channels only, and only when consistent with the conversation), else empty
 * @param channelId the channel's id, derived from {@link #conversationId} (channels only), else empty
 * @param sharedChannel whether Teams says the channel is a shared channel ({@code channelData.channel.membershipType}
 *     {@code shared}): people from other teams and organisations may read it without being listed as its members
 */
public record ConversationContext(
        String conversationId, Kind kind, String tenantId, String teamId, String channelId, boolean sharedChannel) {

    private static final Logger log = LoggerFactory.getLogger(ConversationContext.class);
    private static final String THREAD_SUFFIX = ";messageid=";

    /** Teams' {@code conversationType}. */
    public enum Kind {
        PERSONAL,
        GROUP_CHAT,
        CHANNEL
    }

    public ConversationContext {
        conversationId = conversationId == null ? "" : conversationId;
        Objects.requireNonNull(kind, "kind");
        tenantId = tenantId == null ? "" : tenantId;
        teamId = teamId == null ? "" : teamId;
        channelId = channelId == null ? "" : channelId;
    }

    /** A context that is not a shared channel. */
    public ConversationContext(String conversationId, Kind kind, String tenantId, String teamId, String channelId) {
        this(conversationId, kind, tenantId, teamId, channelId, false);
    }

    public static ConversationContext of(Activity activity) {
        ConversationAccount conversation = activity.getConversation();
        String id = conversation == null || conversation.getId() == null ? "" : conversation.getId();
        String type = conversation == null ? null : conversation.getConversationType();
        JsonNode channelData = ActivityJson.tree(activity.getChannelData());
        Kind kind;
        if ("channel".equals(type)) {
            kind = Kind.CHANNEL;
        } else if ("groupChat".equals(type) || (conversation != null && conversation.isGroup())) {
            kind = Kind.GROUP_CHAT;
        } else if (type == null && channelData.path("channel").hasNonNull("id")) {
            kind = Kind.CHANNEL; // older payloads name the channel only in channelData
        } else {
            kind = Kind.PERSONAL; // "personal", or the Emulator, which sends no type
        }
        String tenant = conversation == null ? null : conversation.getTenantId();
        if (tenant == null || tenant.isBlank()) {
            tenant = channelData.path("tenant").path("id").asText("");
        }
        if (kind != Kind.CHANNEL) {
            return new ConversationContext(id, kind, tenant, "", "", false);
        }
        String channel = channelOf(id);
        String claimedChannel = channelData.path("channel").path("id").asText("");
        String team = channelData.path("team").path("id").asText("");
        if (!claimedChannel.isEmpty() && !claimedChannel.equals(channel)) {
            log.warn(
                    "Teams activity {}: channelData names channel {} but the reply goes to {}; the conversation's"
                            + " channel decides, without a team",
                    activity.getId(),
                    claimedChannel,
                    channel);
            team = "";
        }
        boolean shared = "shared"
                .equalsIgnoreCase(
                        channelData.path("channel").path("membershipType").asText(""));
        return new ConversationContext(id, kind, tenant, team, channel, shared);
    }

    /** The channel a channel conversation id belongs to: the id without its {@code ;messageid=} thread suffix. */
    public static String channelOf(String conversationId) {
        int thread = conversationId.indexOf(THREAD_SUFFIX);
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    /**
     * The conversation whose members see the answer, as the Bot Connector knows it: the channel for a channel
     * thread (its members are the channel's), else the chat.
     */
    public String rosterId() {
        return kind == Kind.CHANNEL ? channelId : conversationId;
    }

    /** Where a vote or an answer belongs in the feedback log: the channel when there is one, else the chat. */
    public String place() {
        return channelId.isEmpty() ? conversationId : channelId;
    }
}
