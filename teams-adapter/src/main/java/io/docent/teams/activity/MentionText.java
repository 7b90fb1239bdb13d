package io.docent.teams.activity;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Mention;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The question in a message: its text without the bot's @-mention and without Teams' markup.
 *
 * <p>Why not the SDK's {@code removeRecipientMention}: it builds a regular expression from the mention's text, so a
 * bot named {@code Docent (beta)} or {@code Ask*Docs} is either not removed or breaks the pattern. Here each
 * mention of the bot is removed as a literal string: first the mention entity's own text ({@code <at>Docent
 * (beta)</at>}), then {@code <at>name</at>} with the recipient's name. Mentions of other people keep their name
 * without the tags.
 */
public final class MentionText {

    private static final Pattern AT_TAGS = Pattern.compile("</?at>", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

    private MentionText() {}

    /** Whether the message @-mentions the bot (its recipient). */
    public static boolean mentionsBot(Activity activity) {
        ChannelAccount bot = activity.getRecipient();
        if (bot == null || bot.getId() == null) {
            return false;
        }
        return mentions(activity).stream()
                .anyMatch(m -> m.getMentioned() != null
                        && bot.getId().equals(m.getMentioned().getId()));
    }

    /** The text of the message without the bot's mention, markup or surrounding whitespace. */
    public static String question(Activity activity) {
        String text = activity.getText() == null ? "" : activity.getText();
        ChannelAccount bot = activity.getRecipient();
        if (bot != null && bot.getId() != null) {
            for (Mention mention : mentions(activity)) {
                if (mention.getMentioned() != null
                        && bot.getId().equals(mention.getMentioned().getId())
                        && mention.getText() != null
                        && !mention.getText().isEmpty()) {
                    text = text.replace(mention.getText(), " ");
                }
            }
            if (bot.getName() != null && !bot.getName().isEmpty()) {
                text = text.replace("<at>" + bot.getName() + "</at>", " ");
            }
        }
        text = AT_TAGS.matcher(text).replaceAll("");
        text = unescape(text);
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static List<Mention> mentions(Activity activity) {
        try {
            return activity.getMentions();
        } catch (RuntimeException e) {
            return List.of(); // an entity without a type, or one that does not map to a Mention
        }
    }

    private static String unescape(String text) {
        return text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
