package io.docent.slack.format;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack message text to plain text, as a person reads it. Slack writes mentions, channels and links in angle
 * brackets and escapes {@code & < >} as entities:
 *
 * <ul>
 *   <li>{@code <@U123>} or {@code <@U123|name>}: the bot's own mention is removed; another user becomes
 *       {@code @Name} (the name from the resolver, usually {@code users.info})
 *   <li>{@code <#C123|general>}: {@code #general}; {@code <#C123>} without a name stays {@code #C123}
 *   <li>{@code <https://x|label>}: {@code label (https://x)}; {@code <https://x>} and {@code <mailto:a@b|a@b>}: the
 *       URL or the label
 *   <li>{@code <!here>}, {@code <!channel>}, {@code <!subteam^S1|@team>}, {@code <!date^...|fallback>}: their
 *       label or {@code @here}
 *   <li>then {@code &lt; &gt; &amp;} become {@code < > &} (in that order, so {@code &amp;lt;} stays {@code &lt;})
 * </ul>
 */
public final class SlackMarkup {

    private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");

    private SlackMarkup() {}

    /**
     * Plain text of {@code text}, with {@code botUserId}'s mentions removed and other user ids resolved by
     * {@code userName}; whitespace collapsed and trimmed.
     */
    public static String toPlainText(String text, String botUserId, UnaryOperator<String> userName) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(token(m.group(1), botUserId, userName)));
        }
        m.appendTail(sb);
        String plain = sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return plain.replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n").strip();
    }

    /** Whether {@code text} mentions {@code botUserId}. */
    public static boolean mentions(String text, String botUserId) {
        return text != null
                && botUserId != null
                && (text.contains("<@" + botUserId + ">") || text.contains("<@" + botUserId + "|"));
    }

    /** Whether {@code text} mentions some user other than {@code botUserId}. */
    public static boolean mentionsSomeoneElse(String text, String botUserId) {
        if (text == null) {
            return false;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String inner = m.group(1);
            if (inner.startsWith("@") && !idOf(inner.substring(1)).equals(botUserId)) {
                return true;
            }
        }
        return false;
    }

    private static String token(String inner, String botUserId, UnaryOperator<String> userName) {
        if (inner.startsWith("@")) {
            String id = idOf(inner.substring(1));
            return id.equals(botUserId) ? "" : "@" + userName.apply(id);
        }
        if (inner.startsWith("#")) {
            String label = labelOf(inner);
            return "#" + (label != null ? label : inner.substring(1));
        }
        if (inner.startsWith("!")) {
            String label = labelOf(inner);
            if (label != null) {
                return label;
            }
            String special = inner.substring(1);
            int caret = special.indexOf('^');
            return "@" + (caret >= 0 ? special.substring(0, caret) : special);
        }
        int bar = inner.indexOf('|');
        if (bar < 0) {
            return inner.startsWith("mailto:") ? inner.substring("mailto:".length()) : inner;
        }
        String url = inner.substring(0, bar);
        String label = inner.substring(bar + 1);
        if (url.startsWith("mailto:") || label.equals(url) || label.isBlank()) {
            return label.isBlank() ? url : label;
        }
        return label + " (" + url + ")";
    }

    private static String idOf(String mention) {
        int bar = mention.indexOf('|');
        return bar < 0 ? mention : mention.substring(0, bar);
    }

    private static String labelOf(String inner) {
        int bar = inner.indexOf('|');
        return bar < 0 || bar == inner.length() - 1 ? null : inner.substring(bar + 1);
    }
}
