package io.docent.slack.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown (what the core and language models write) to Slack mrkdwn. Slack has no headings, writes bold with one
 * asterisk and links in angle brackets, and needs {@code & < >} escaped everywhere, code included. So:
 *
 * <ul>
 *   <li>{@code &}, {@code <}, {@code >} become {@code &amp; &lt; &gt;}
 *   <li>{@code **bold**} and {@code __bold__} become {@code *bold*}; {@code *italic*} becomes {@code _italic_};
 *       {@code ~~struck~~} becomes {@code ~struck~}
 *   <li>{@code [label](https://x)} becomes {@code <https://x|label>}; a link to something that is not a URL keeps
 *       only its label
 *   <li>{@code # Heading} (any level) becomes a bold line; {@code - item} and {@code * item} become {@code • item}
 *   <li>code spans and fenced code blocks are kept as they are, only escaped
 * </ul>
 */
public final class Mrkdwn {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\(([^)\\s]+)\\)");
    private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w*])\\*(?=[^\\s*])([^*\\n]+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+(.*)$");
    /** Stands in for a bold asterisk while italics are converted; cannot occur in text from Slack or the core. */
    private static final char BOLD_MARK = '\uE000';

    private Mrkdwn() {}

    /** {@code &}, {@code <} and {@code >} escaped as Slack requires. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The mrkdwn form of {@code markdown}. */
    public static String fromMarkdown(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean inFence = false;
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                out.append(escape(line.strip()));
            } else if (inFence) {
                out.append(escape(line));
            } else {
                out.append(line(line));
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String line(String line) {
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
            String text = inline(heading.group(1)).replace("*", "");
            return "*" + text + "*";
        }
        Matcher bullet = BULLET.matcher(line);
        if (bullet.matches()) {
            return bullet.group(1) + "• " + inline(bullet.group(2));
        }
        return inline(line);
    }

    /** Inline markup outside code spans; code spans are only escaped. */
    private static String inline(String text) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int open = text.indexOf('`', start);
            int close = open < 0 ? -1 : text.indexOf('`', open + 1);
            if (close < 0) {
                out.append(prose(text.substring(start)));
                break;
            }
            out.append(prose(text.substring(start, open)));
            out.append(escape(text.substring(open, close + 1)));
            start = close + 1;
        }
        return out.toString();
    }

    private static String prose(String text) {
        StringBuilder out = new StringBuilder();
        Matcher link = LINK.matcher(text);
        int last = 0;
        while (link.find()) {
            out.append(emphasis(escape(text.substring(last, link.start()))));
            String label = emphasis(escape(link.group(1)));
            String url = link.group(2);
            if (url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:")) {
                out.append('<')
                        .append(escape(url))
                        .append('|')
                        .append(label.replace("|", "¦"))
                        .append('>');
            } else {
                out.append(label);
            }
            last = link.end();
        }
        out.append(emphasis(escape(text.substring(last))));
        return out.toString();
    }

    private static String emphasis(String text) {
        String s = BOLD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(BOLD_MARK + m.group(2) + BOLD_MARK));
        s = ITALIC.matcher(s).replaceAll(m -> Matcher.quoteReplacement("_" + m.group(1) + "_"));
        s = STRIKE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("~" + m.group(1) + "~"));
        return s.replace(BOLD_MARK, '*');
    }
}
