package io.docent.slack.format;

import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown (what the core and language models write) to Slack mrkdwn. commonmark-java parses the Markdown (with GFM
 * strikethrough); {@link MrkdwnWriter} writes the tree as mrkdwn. Slack has no headings, writes bold with one asterisk
 * and links in angle brackets, and needs {@code & < >} escaped everywhere, code included. So:
 *
 * <ul>
 *   <li>{@code &}, {@code <}, {@code >} become {@code &amp; &lt; &gt;}
 *   <li>{@code **bold**} and {@code __bold__} become {@code *bold*}; {@code *italic*} becomes {@code _italic_};
 *       {@code ~~struck~~} becomes {@code ~struck~}
 *   <li>{@code [label](https://x)} becomes {@code <https://x|label>}; a link to something that is not a web or mail
 *       address keeps only its label; a link whose label is a URL other than its target shows its target
 *   <li>an image is never shown: it becomes a link labelled "image: alt"
 *   <li>a heading (any level) becomes a bold line; list items become {@code • item} (numbered ones keep their
 *       number); a block quote's lines start with {@code &gt; }, as Slack writes them
 *   <li>code spans and code blocks are kept as they are, only escaped
 *   <li>blocks are separated by as many line breaks as in the Markdown
 * </ul>
 */
public final class Mrkdwn {

    private static final Parser PARSER = Parser.builder()
            .extensions(java.util.List.of(StrikethroughExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private Mrkdwn() {}

    /** {@code &}, {@code <} and {@code >} escaped as Slack requires. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The mrkdwn form of {@code markdown}. */
    public static String fromMarkdown(String markdown) {
        return MrkdwnWriter.write(PARSER.parse(markdown));
    }
}
