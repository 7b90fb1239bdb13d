package io.docent.slack.event;

import io.docent.slack.format.SlackMarkup;

/**
 * What to do with a message, decided from the event alone (no network: this runs before the ack):
 *
 * <ul>
 *   <li>ignore Docent's own messages, other bots' (when configured), edits, subtyped messages (joins, topic
 *       changes, bot_message...) and empty ones
 *   <li>answer a mention of Docent, and any message in a direct message
 *   <li>help when the mention has no question
 *   <li>a reply in a channel thread without a mention may follow up an answer of Docent's: the caller checks the
 *       thread. Replies that mention someone else are people talking to each other, and are left alone.
 * </ul>
 */
public final class Triage {

    /** The decision for one message. */
    public enum Decision {
        IGNORE,
        ANSWER,
        HELP,
        MAYBE_FOLLOW_UP
    }

    private final BotIdentity bot;
    private final boolean followUps;
    private final boolean ignoreBots;

    public Triage(BotIdentity bot, boolean followUps, boolean ignoreBots) {
        this.bot = bot;
        this.followUps = followUps;
        this.ignoreBots = ignoreBots;
    }

    public Decision decide(IncomingMessage m) {
        if (bot.isSelf(m.user(), m.botId()) || m.edited()) {
            return Decision.IGNORE;
        }
        boolean fromBot = !m.botId().isEmpty() || m.subtype().equals("bot_message");
        if (fromBot && ignoreBots) {
            return Decision.IGNORE;
        }
        boolean plainMessage = m.subtype().isEmpty() || (fromBot && m.subtype().equals("bot_message"));
        if (!plainMessage) {
            return Decision.IGNORE;
        }
        boolean mention =
                m.source() == IncomingMessage.Source.APP_MENTION || SlackMarkup.mentions(m.text(), bot.userId());
        if (mention || m.direct()) {
            return SlackMarkup.toPlainText(m.text(), bot.userId(), id -> id).isEmpty()
                    ? Decision.HELP
                    : Decision.ANSWER;
        }
        if (followUps
                && m.inThread()
                && !m.text().isBlank()
                && !SlackMarkup.mentionsSomeoneElse(m.text(), bot.userId())) {
            return Decision.MAYBE_FOLLOW_UP;
        }
        return Decision.IGNORE;
    }
}
