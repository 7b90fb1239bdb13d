package io.docent.core.pipeline;

import io.docent.core.LinkLabels;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retrieved text is data: its links and markup are shown for what they are. Before an answer leaves the core, every
 * surface's renderer (Slack mrkdwn, Teams Markdown, the web chat) gets Markdown in which
 *
 * <ul>
 *   <li>a link whose label is itself a URL, other than its target ({@code [https://intranet](https://evil)}), is
 *       written with its target as its label, so a reader sees where it goes;
 *   <li>an image ({@code ![alt](url)}) is a plain link labelled "image: alt": a document's image is never fetched or
 *       shown inline (which would also tell a third-party server who read the answer).
 * </ul>
 */
final class SafeMarkdown {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]\\n]*)]\\(([^)\\s]+)(?:\\s+\"[^\"\\n]*\")?\\)");
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[([^\\]\\n]+)]\\(([^)\\s]+)\\)");

    private SafeMarkdown() {}

    static String neutralise(String markdown) {
        String withoutImages = IMAGE.matcher(markdown).replaceAll(m -> {
            String alt = m.group(1).strip();
            return Matcher.quoteReplacement("[image" + (alt.isEmpty() ? "" : ": " + alt) + "](" + m.group(2) + ")");
        });
        return LINK.matcher(withoutImages).replaceAll(m -> {
            String label = m.group(1).strip();
            String target = m.group(2);
            if (LinkLabels.misleading(label, target)) {
                return Matcher.quoteReplacement("[" + target + "](" + target + ")");
            }
            return Matcher.quoteReplacement(m.group());
        });
    }
}
