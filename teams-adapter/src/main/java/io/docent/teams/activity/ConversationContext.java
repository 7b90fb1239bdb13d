package io.docent.teams.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationAccount;

/**
 * Where an activity was posted.
 *
 * @param conversationId the conversation's id; for a channel thread it ends in {@code ;messageid=<root>}, so it
 *     identifies the thread (the key of its history)
 * @param kind personal (1:1), group chat or channel
 * @param tenantId the Entra tenant of the conversation; empty when the activity does not say
 * @param teamId the team's id (channels only), else empty
 * @param channelId the channel's id (channels only), else empty
 */
public record ConversationContext(String conversationId, Kind kind, String tenantId, String teamId, String channelId) {

    /** Teams' {@code conversationType}. */
    public enum Kind {
        PERSONAL,
        GROUP_CHAT,
        CHANNEL
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
        return new ConversationContext(
                id,
                kind,
                tenant,
                channelData.path("team").path("id").asText(""),
                channelData.path("channel").path("id").asText(""));
    }

    /** Where a vote or an answer belongs in the feedback log: the channel when there is one, else the chat. */
    public String place() {
        return channelId.isEmpty() ? conversationId : channelId;
    }
}
