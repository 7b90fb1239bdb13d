package io.docent.indexer.chunking;

import io.docent.indexer.chunking.ChunkUnit.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Markdown-ish text (what the readers produce) into {@link ChunkUnit}s. It knows ATX headings, fenced code, pipe
 * tables, list items and paragraphs; anything else is a paragraph, so no input is rejected.
 *
 * <p>A line that is only a place marker, {@code <!--docent:page=N-->} or {@code <!--docent:slide=N-->} (the PDF and
 * slide readers open each page or slide with one), is not text: it ends the paragraph before it and sets the place of
 * every unit after it, until the next marker.
 */
final class UnitParser {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+\\S");
    private static final Pattern PLACE_MARKER = Pattern.compile("^\\s*<!--docent:((?:page|slide)=\\d{1,6})-->\\s*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?(\\s*:?-{3,}:?\\s*\\|)+\\s*:?-*:?\\s*$");

    private static final String BLOCK = "\n\n";
    private static final String LINE = "\n";

    private final TokenCounter counter;
    private final String title;
    private final int proseLimit;
    private final int codeLimit;
    private final List<ChunkUnit> units = new ArrayList<>();
    private final String[] levels = new String[6];
    private List<String> headings = List.of();
    private int tables;
    private String place;

    /**
     * @param title the document title: a heading equal to it is the title again, not a section
     * @param proseLimit the largest sentence or list item kept whole
     * @param codeLimit the largest code block kept whole; a larger one is cut between lines
     */
    UnitParser(TokenCounter counter, String title, int proseLimit, int codeLimit) {
        this.counter = counter;
        this.title = title.strip();
        this.proseLimit = proseLimit;
        this.codeLimit = codeLimit;
    }

    List<ChunkUnit> parse(String content) {
        String[] lines = content.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher fence = FENCE.matcher(line);
            Matcher heading = HEADING.matcher(line);
            Matcher marker = PLACE_MARKER.matcher(line);
            if (line.isBlank()) {
                i++;
            } else if (marker.matches()) {
                place = marker.group(1);
                i++;
            } else if (fence.find()) {
                i = code(lines, i, fence.group(1));
            } else if (heading.matches()) {
                heading(heading.group(1).length(), heading.group(2));
                i++;
            } else if (line.strip().startsWith("|")) {
                i = table(lines, i);
            } else if (LIST_ITEM.matcher(line).find()) {
                i = listItem(lines, i);
            } else {
                i = paragraph(lines, i);
            }
        }
        return units;
    }

    private void heading(int level, String text) {
        Arrays.fill(levels, level - 1, levels.length, null);
        if (text.equals(title)) {
            headings = path(); // the title again (a Markdown "# Title"): the embedded text already starts with it
            return;
        }
        levels[level - 1] = text;
        headings = path();
        add(Kind.HEADING, "#".repeat(level) + " " + text, BLOCK, -1);
    }

    private List<String> path() {
        return Arrays.stream(levels).filter(h -> h != null).toList();
    }

    /** A fenced block, closed by a fence of the same character at least as long, or by the end of the text. */
    private int code(String[] lines, int start, String open) {
        int end = start + 1;
        while (end < lines.length) {
            String trimmed = lines[end].strip();
            if (trimmed.startsWith(open) && trimmed.chars().allMatch(c -> c == open.charAt(0))) {
                break;
            }
            end++;
        }
        List<String> body = List.of(lines).subList(start + 1, Math.min(end, lines.length));
        String opening = lines[start].strip();
        String whole = opening + LINE + String.join(LINE, body) + LINE + open;
        if (counter.count(whole) <= codeLimit) {
            add(Kind.CODE, whole, BLOCK, -1);
        } else {
            // too big for any chunk: cut between lines, and fence every piece again so each reads as code
            List<String> piece = new ArrayList<>();
            int fenceTokens = counter.count(opening + LINE + open);
            int size = fenceTokens;
            for (String bodyLine : body) {
                // a single line too long for a chunk (minified code) is the one thing cut inside a line
                List<String> parts = counter.count(bodyLine) < codeLimit - fenceTokens
                        ? List.of(bodyLine)
                        : TextSplitter.fit(bodyLine, codeLimit - fenceTokens - 1, counter);
                for (String line : parts) {
                    int lineTokens = counter.count(line) + 1;
                    if (!piece.isEmpty() && size + lineTokens > codeLimit) {
                        add(Kind.CODE, opening + LINE + String.join(LINE, piece) + LINE + open, BLOCK, -1);
                        piece.clear();
                        size = fenceTokens;
                    }
                    piece.add(line);
                    size += lineTokens;
                }
            }
            if (!piece.isEmpty()) {
                add(Kind.CODE, opening + LINE + String.join(LINE, piece) + LINE + open, BLOCK, -1);
            }
        }
        return end + 1;
    }

    /** Rows are units of their own and never cut; the first row (and a {@code ---} line under it) is the header. */
    private int table(String[] lines, int start) {
        int table = tables++;
        int i = start;
        String header = lines[i++].strip();
        if (i < lines.length && TABLE_SEPARATOR.matcher(lines[i]).matches()) {
            header = header + LINE + lines[i++].strip();
        }
        add(Kind.TABLE_HEADER, header, BLOCK, table);
        while (i < lines.length && lines[i].strip().startsWith("|")) {
            add(Kind.TABLE_ROW, lines[i++].strip(), LINE, table);
        }
        return i;
    }

    /** An item with its indented continuation lines; cut into sentences only if it is too long to keep whole. */
    private int listItem(String[] lines, int start) {
        StringBuilder item = new StringBuilder(lines[start]);
        int i = start + 1;
        while (i < lines.length
                && !lines[i].isBlank()
                && Character.isWhitespace(lines[i].charAt(0))
                && !LIST_ITEM.matcher(lines[i]).find()
                && !FENCE.matcher(lines[i]).find()) {
            item.append(LINE).append(lines[i++]);
        }
        String separator = !units.isEmpty() && units.getLast().kind() == Kind.LIST_ITEM ? LINE : BLOCK;
        String text = item.toString();
        if (counter.count(text) <= proseLimit) {
            add(Kind.LIST_ITEM, text, separator, -1);
        } else {
            prose(text, separator, Kind.LIST_ITEM);
        }
        return i;
    }

    private int paragraph(String[] lines, int start) {
        int i = start;
        String separator = BLOCK;
        while (i < lines.length && !startsBlock(lines[i])) {
            prose(lines[i].strip(), separator, Kind.SENTENCE);
            separator = LINE;
            i++;
        }
        return i;
    }

    private static boolean startsBlock(String line) {
        return line.isBlank()
                || PLACE_MARKER.matcher(line).matches()
                || FENCE.matcher(line).find()
                || HEADING.matcher(line).matches()
                || line.strip().startsWith("|")
                || LIST_ITEM.matcher(line).find();
    }

    /** One line of prose as sentence units; the first carries {@code separator}, the rest a space. */
    private void prose(String line, String separator, Kind kind) {
        String sep = separator;
        for (String sentence : TextSplitter.sentences(line)) {
            for (String piece : TextSplitter.fit(sentence, proseLimit, counter)) {
                add(kind, piece, sep, -1);
                sep = " ";
            }
        }
    }

    private void add(Kind kind, String text, String separator, int table) {
        units.add(new ChunkUnit(kind, text, separator, headings, table, counter.count(text) + 1, place));
    }
}
