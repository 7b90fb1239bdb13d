package io.docent.slack.event;

import java.util.Objects;

/**
 * A message event as Docent needs it, whether it came as {@code app_mention} or {@code message}, over Socket Mode or
 * HTTP.
 *
 * @param eventId Slack's event id ({@code Ev...}), the same on every retry of one delivery
 * @param source which event type brought it
 * @param channel the channel ID
 * @param channelType {@code channel}, {@code group}, {@code im}, {@code mpim}, or {@code ""} when not sent
 *     ({@code app_mention} has none)
 * @param user the author's user id, or {@code ""}
 * @param team the author's workspace: the event's {@code user_team} (someone from another organisation in a Slack
 *     Connect channel), else its {@code team}; {@code ""} when the event has neither
 * @param botId the author's bot id when a bot wrote it, or {@code ""}
 * @param subtype the message subtype, or {@code ""}
 * @param text the raw Slack text
 * @param ts the message's timestamp (its id within the channel)
 * @param threadTs the parent's timestamp when the message is in a thread, or {@code ""}
 * @param edited whether this is an edit of an earlier message
 */
public record IncomingMessage(
        String eventId,
        Source source,
        String channel,
        String channelType,
        String user,
        String team,
        String botId,
        String subtype,
        String text,
        String ts,
        String threadTs,
        boolean edited) {

    /** The event type a message arrived as. */
    public enum Source {
        APP_MENTION,
        MESSAGE
    }

    public IncomingMessage {
        eventId = eventId == null ? "" : eventId;
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(ts, "ts");
        channelType = channelType == null ? "" : channelType;
        user = user == null ? "" : user;
        team = team == null ? "" : team;
        botId = botId == null ? "" : botId;
        subtype = subtype == null ? "" : subtype;
        text = text == null ? "" : text;
        threadTs = threadTs == null ? "" : threadTs;
    }

    /** A direct message with Docent (an IM channel; their IDs start with D). */
    public boolean direct() {
        return channelType.equals("im")
                || channelType.equals("app_home")
                || (channelType.isEmpty() && channel.startsWith("D"));
    }

    /** Whether this is a reply inside a thread (not the thread's parent). */
    public boolean inThread() {
        return !threadTs.isEmpty() && !threadTs.equals(ts);
    }

    /** The thread Docent replies in: the event's thread, or the message itself when it is top-level. */
    public String replyThreadTs() {
        return threadTs.isEmpty() ? ts : threadTs;
    }

    /** The key of the thread Docent replies in: channel and thread timestamp. */
    public String threadKey() {
        return channel + ":" + replyThreadTs();
    }
}
