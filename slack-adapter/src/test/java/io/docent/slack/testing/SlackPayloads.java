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
        return callback(eventId, event);
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
                .put("type", "button")
                .put("value", answerId)
                .put("action_ts", "1700000999.000100")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", "👍 Helpful")
                .put("emoji", true);
        return root.toString();
    }
}
