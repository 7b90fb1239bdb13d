package io.docent.indexer.html;

import java.util.regex.Pattern;

/**
 * Accumulates Markdown-ish text while {@link HtmlToMarkdown} walks the DOM. Line and paragraph breaks are requested
 * rather than written, so a run of nested block elements ({@code <div><div><p>}) produces one blank line, not five,
 * and whitespace-only text between blocks produces nothing.
 */
final class MarkdownWriter {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u2007\\u202f]+");

    private final StringBuilder out = new StringBuilder();
    private int pendingNewlines;
    private String pendingIndent = "";
    private boolean lineHasText;
    private int listDepth;
    private String pendingLabel;

    /** Ends the current paragraph; inside a list item, continues the item on an indented line instead. */
    void blockBreak() {
        if (listDepth > 0) {
            if (lineHasText) {
                request(1, indent(listDepth));
            }
            return;
        }
        request(2, "");
    }

    /** A {@code <br>}: a new line, indented to stay inside the current list item. */
    void lineBreak() {
        request(1, listDepth > 0 ? indent(listDepth) : "");
    }

    void startList() {
        if (listDepth == 0) {
            request(2, "");
        }
        listDepth++;
    }

    void endList() {
        listDepth--;
        if (listDepth == 0) {
            request(2, "");
        } else {
            // text after a nested list belongs to the enclosing item: continue it on a new line
            request(1, indent(listDepth));
        }
    }

    /** Starts a list item with {@code marker} ({@code -} or {@code 3.}) at the current depth. */
    void listItem(String marker) {
        request(1, indent(Math.max(0, listDepth - 1)));
        flushPending();
        out.append(marker).append(' ');
        lineHasText = false;
    }

    /** Puts {@code label: } in front of the next text, however many blocks open before it. */
    void label(String label) {
        pendingLabel = label;
    }

    /** Inline text: whitespace runs become one space, and no space starts a line. */
    void text(String raw) {
        String s = WHITESPACE.matcher(raw).replaceAll(" ").replace("\u200b", "");
        if (s.isBlank()) {
            if (lineHasText && pendingNewlines == 0 && !endsWithSpace()) {
                out.append(' ');
            }
            return;
        }
        flushPending();
        if (!lineHasText || endsWithSpace()) {
            s = s.stripLeading();
        }
        if (pendingLabel != null) {
            out.append(pendingLabel).append(": ");
            pendingLabel = null;
        }
        out.append(s);
        lineHasText = true;
    }

    /** Verbatim lines (a heading, table rows, a fenced code block) set apart by blank lines, at column 0. */
    void rawBlock(String block) {
        request(2, "");
        flushPending();
        out.append(block);
        lineHasText = true;
        request(2, "");
    }

    String result() {
        return out.toString();
    }

    private void request(int newlines, String indent) {
        pendingNewlines = Math.max(pendingNewlines, newlines);
        pendingIndent = indent;
    }

    private void flushPending() {
        if (pendingNewlines > 0 && !out.isEmpty()) {
            while (endsWithSpace()) {
                out.setLength(out.length() - 1);
            }
            out.append("\n".repeat(pendingNewlines)).append(pendingIndent);
            lineHasText = false;
        }
        pendingNewlines = 0;
        pendingIndent = "";
    }

    private boolean endsWithSpace() {
        return !out.isEmpty() && out.charAt(out.length() - 1) == ' ';
    }

    private static String indent(int depth) {
        return "  ".repeat(depth);
    }
}
