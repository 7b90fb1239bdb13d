package io.docent.slack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Events API payloads shaped like Slack's ({@code event_callback} around an {@code app_mention} or a
 * {@code message}, {@code block_actions}), written for these tests after Slack's documented samples.
 */
public final class SlackPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackPayloads() {}

    /** An {@code app_mention}; {@code threadTs} may be null for a top-level message. */
    public static String appMention(
            String eventId, String channel, String user, String text, String ts, String threadTs) {
        return callback(eventId, appMentionEvent(channel, user, text, ts, threadTs));
    }

    /**
     * An {@code app_mention} from someone of another organisation in a Slack Connect channel: Slack names their
     * workspace in {@code user_team}, the event's {@code team} being the one the event was delivered to.
     */
    public static String appMentionFromAnotherOrganisation(
            String eventId, String channel, String user, String userTeam, String text, String ts) {
        ObjectNode event = appMentionEvent(channel, user, text, ts, null);
        event.put("user_team", userTeam).put("source_team", userTeam);
        return callback(eventId, event);
    }

    private static ObjectNode appMentionEvent(String channel, String user, String text, String ts, String threadTs) {
        ObjectNode event = JSON.createObjectNode()
                .put("type", "app_mention")
                .put("client_msg_id", "c-" + ts)
                .put("user", user)
                .put("text", text)
                .put("ts", ts)
                .put("team", LocalSlackApi.TEAM)
                .put("channel", channel)
                .put("event_ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return event;
    }

    /** A plain {@code message} from a person; {@code channelType} is channel, group, im or mpim. */
    public static String message(
            String eventId, String channel, String channelType, String user, String text, String ts, String threadTs) {
        return callback(eventId, messageEvent(channel, channelType, user, text, ts, threadTs));
    }

    public static ObjectNode messageEvent(
            String channel, String channelType, String user, String text, String ts, String threadTs) {
        ObjectNode event = JSON.createObjectNode()
                .put("type", "message")
                .put("client_msg_id", "c-" + ts)
                .put("channel", channel)
                .put("user", user)
                .put("text", text)
                .put("ts", ts)
                .put("event_ts", ts)
                .put("channel_type", channelType)
                .put("team", LocalSlackApi.TEAM);
        if (threadTs != null) {
            event.put("thread_ts", threadTs).put("parent_user_id", "U0PARENT");
        }
        return event;
    }

    /** Wraps {@code event} in an {@code event_callback} envelope. */
    public static String callback(String eventId, ObjectNode event) {
        ObjectNode root = JSON.createObjectNode()
                .put("token", "legacy-verification-token")
                .put("team_id", LocalSlackApi.TEAM)
                .put("api_app_id", "A0DOCENT")
                .put("type", "event_callback")
                .put("event_id", eventId)
                .put("event_time", 1_700_000_000);
        root.set("event", event);
        root.putArray("authorizations")
                .addObject()
                .put("team_id", LocalSlackApi.TEAM)
                .put("user_id", LocalSlackApi.BOT_USER)
                .put("is_bot", true)
                .put("is_enterprise_install", false);
        return root.toString();
    }

    /**
     * A user object as {@code users.info} returns it (fields after Slack's documented sample): a full member of the
     * workspace's team. {@code email} is {@code null} for a profile without one (no {@code users:read.email}). Tests
     * change what they need: {@code is_restricted}, {@code is_ultra_restricted}, another {@code team_id}...
     */
    public static ObjectNode user(String id, String displayName, String email) {
        ObjectNode user = JSON.createObjectNode()
                .put("id", id)
                .put("team_id", LocalSlackApi.TEAM)
                .put("name", displayName.toLowerCase(java.util.Locale.ROOT))
                .put("deleted", false)
                .put("color", "9f69e7")
                .put("real_name", displayName)
                .put("tz", "Europe/Berlin")
                .put("tz_label", "Central European Time")
                .put("tz_offset", 3600)
                .put("is_admin", false)
                .put("is_owner", false)
                .put("is_primary_owner", false)
                .put("is_restricted", false)
                .put("is_ultra_restricted", false)
                .put("is_bot", false)
                .put("is_app_user", false)
                .put("updated", 1_700_000_000)
                .put("is_email_confirmed", email != null);
        ObjectNode profile = user.putObject("profile")
                .put("avatar_hash", "ge3b51ca72de")
                .put("real_name", displayName)
                .put("display_name", displayName)
                .put("real_name_normalized", displayName)
                .put("display_name_normalized", displayName)
                .put("team", LocalSlackApi.TEAM);
        if (email != null) {
            profile.put("email", email);
        }
        return user;
    }

    /**
     * A conversation object as {@code conversations.info} returns it (after Slack's documented sample): a public
     * channel of the workspace, not shared. Tests change what they need: {@code is_ext_shared}, {@code is_private}...
     */
    public static ObjectNode channel(String id, String name) {
        ObjectNode channel = JSON.createObjectNode()
                .put("id", id)
                .put("name", name)
                .put("is_channel", true)
                .put("is_group", false)
                .put("is_im", false)
                .put("is_mpim", false)
                .put("is_private", false)
                .put("created", 1_449_252_889)
                .put("is_archived", false)
                .put("is_general", name.equals("general"))
                .put("unlinked", 0)
                .put("name_normalized", name)
                .put("is_shared", false)
                .put("is_org_shared", false)
                .put("is_pending_ext_shared", false)
                .put("is_ext_shared", false)
                .put("context_team_id", LocalSlackApi.TEAM)
                .put("creator", "U0CREATOR")
                .put("is_member", true);
        channel.putArray("pending_shared");
        channel.putArray("shared_team_ids").add(LocalSlackApi.TEAM);
        channel.putObject("topic").put("value", "").put("creator", "").put("last_set", 0);
        channel.putObject("purpose").put("value", "").put("creator", "").put("last_set", 0);
        return channel;
    }

    /** A {@code member_joined_channel} event: {@code user} joined {@code channel}. */
    public static String memberJoined(String eventId, String channel, String user) {
        ObjectNode event = JSON.createObjectNode()
                .put("type", "member_joined_channel")
                .put("user", user)
                .put("channel", channel)
                .put("channel_type", "C")
                .put("team", LocalSlackApi.TEAM)
                .put("inviter", "U0INVITER")
                .put("event_ts", "1700000100.000100");
        return callback(eventId, event);
    }

    /** A click on a feedback button under an ephemeral message (Slack sends no {@code message} for those). */
    public static String ephemeralBlockAction(String actionId, String answerId, String user, String channel) {
        ObjectNode root = JSON.createObjectNode()
                .put("type", "block_actions")
                .put("api_app_id", "A0DOCENT")
                .put("token", "legacy-verification-token")
                .put("trigger_id", "1.2.4")
                .put("response_url", "https://hooks.slack.invalid/actions/2");
        root.putObject("user").put("id", user).put("username", "someone").put("team_id", LocalSlackApi.TEAM);
        root.putObject("team").put("id", LocalSlackApi.TEAM).put("domain", "docent-test");
        root.putObject("container")
                .put("type", "message")
                .put("message_ts", "1700000998.000100")
                .put("channel_id", channel)
                .put("is_ephemeral", true);
        root.putObject("channel").put("id", channel).put("name", "general");
        root.putArray("actions")
                .addObject()
                .put("action_id", actionId)
                .put("block_id", "docent-feedback")
                .put("type", "button")
                .put("value", answerId)
                .put("action_ts", "1700000999.000200")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", "👍 Helpful")
                .put("emoji", true);
        return root.toString();
    }

    /** A {@code url_verification} request, sent when the request URL is saved in the app settings. */
    public static String urlVerification(String challenge) {
        return JSON.createObjectNode()
                .put("token", "legacy-verification-token")
                .put("challenge", challenge)
                .put("type", "url_verification")
                .toString();
    }

    /** A click on a feedback button under the answer {@code messageTs} in the thread {@code threadTs}. */
    public static String blockAction(
            String actionId, String answerId, String user, String channel, String messageTs, String threadTs) {
        return blockAction("button", actionId, answerId, user, channel, messageTs, threadTs);
    }

    /**
     * A click on one of Slack's {@code feedback_buttons} (action type {@code feedback_buttons}, the value of the
     * button clicked) under the answer {@code messageTs} in the thread {@code threadTs}.
     */
    public static String feedbackButtonsAction(
            String actionId, String value, String user, String channel, String messageTs, String threadTs) {
        return blockAction("feedback_buttons", actionId, value, user, channel, messageTs, threadTs);
    }

    private static String blockAction(
            String type,
            String actionId,
            String value,
            String user,
            String channel,
            String messageTs,
            String threadTs) {
        ObjectNode root = JSON.createObjectNode()
                .put("type", "block_actions")
                .put("api_app_id", "A0DOCENT")
                .put("token", "legacy-verification-token")
                .put("trigger_id", "1.2.3")
                .put("response_url", "https://hooks.slack.invalid/actions/1");
        root.putObject("user").put("id", user).put("username", "pat").put("team_id", LocalSlackApi.TEAM);
        root.putObject("team").put("id", LocalSlackApi.TEAM).put("domain", "docent-test");
        root.putObject("container")
                .put("type", "message")
                .put("message_ts", messageTs)
                .put("channel_id", channel)
                .put("is_ephemeral", false);
        root.putObject("channel").put("id", channel).put("name", "general");
        root.putObject("message")
                .put("type", "message")
                .put("user", LocalSlackApi.BOT_USER)
                .put("bot_id", LocalSlackApi.BOT_ID)
                .put("text", "25 days of holiday [1]")
                .put("ts", messageTs)
                .put("thread_ts", threadTs);
        root.putArray("actions")
                .addObject()
                .put("action_id", actionId)
                .put("block_id", "docent-feedback")
                .put("type", type)
                .put("value", value)
                .put("action_ts", "1700000999.000100")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", "👍 Helpful")
                .put("emoji", true);
        return root.toString();
    }
}
