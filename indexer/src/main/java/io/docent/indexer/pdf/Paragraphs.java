package io.docent.indexer.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a page's lines, in reading order, into Markdown: paragraphs joined from their lines, headings, list items and
 * pipe tables.
 *
 * <p>A paragraph ends where a reader sees it end: at a vertical gap larger than {@value #PARAGRAPH_GAP} times the
 * page's usual line spacing, at a line that starts indented (a first-line indent), or after a line that ends a sentence
 * well short of the column's right edge (the last line of a ragged or justified paragraph). A line set in a font at
 * least {@value #HEADING_RATIO} times the body size, short and not ending a sentence, is a heading, and so is a short
 * bold line at the body size not ending in punctuation; a heading's level follows its size among the document's heading
 * sizes, starting at {@code ##} (a bold one at the body size comes last). Consecutive lines cut into cells by wide
 * gaps, with their cells starting at the same places, are table rows, the first the header.
 */
final class Paragraphs {

    static final double PARAGRAPH_GAP = 1.45;
    static final double HEADING_RATIO = 1.15;
    static final int HEADING_MAX_CHARS = 90;
    /** A bold line at the body size is a heading only when this short (longer bold lines are emphasis). */
    static final int BOLD_HEADING_MAX_CHARS = 60;
    /** A line that ends a sentence and is shorter than this share of its column ends its paragraph. */
    static final double SHORT_LINE = 0.8;

    private static final Pattern BULLET = Pattern.compile("^[\u2022\u25aa\u25cf\u2023\u2043\u25e6*\u2013-]\\s+");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}[.)]\\s+");
    private static final Pattern BOLD_RUN_IN = Pattern.compile("[.,;:!?]$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;][\"'\u201d\u2019)]*$");

    private final float bodySize;
    private final float[] headingSizes;
    private final Hyphenation hyphenation;

    /**
     * @param bodySize the font size most of the document's text is set in
     * @param headingSizes the larger sizes that headings use, largest first
     */
    Paragraphs(float bodySize, float[] headingSizes, Hyphenation hyphenation) {
        this.bodySize = bodySize;
        this.headingSizes = headingSizes.clone();
        this.hyphenation = hyphenation;
    }

    boolean isHeading(Line line) {
        String text = line.text();
        if (line.isTableRow() || text.endsWith(".") || text.chars().noneMatch(Character::isLetter)) {
            return false;
        }
        if (line.size() >= bodySize * HEADING_RATIO) {
            return text.length() <= HEADING_MAX_CHARS;
        }
        // a short bold line at the body size, not ending in punctuation ("Who can enrol"): Word's usual heading
        return line.isBold()
                && line.size() >= bodySize * 0.95
                && text.length() <= BOLD_HEADING_MAX_CHARS
                && !BOLD_RUN_IN.matcher(text).find();
    }

    /** The page as Markdown blocks separated by blank lines. */
    String write(List<Line> lines) {
        float spacing = spacing(lines);
        List<String> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        Line previous = null;
        boolean inList = false;
        float itemX0 = 0;
        int i = 0;
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (i + 1 < lines.size() && aligned(line, lines.get(i + 1))) {
                flush(paragraph, blocks, inList);
                inList = false;
                i = table(lines, i, blocks);
                previous = lines.get(i - 1);
                continue;
            }
            String text = line.text();
            if (isHeading(line)) {
                flush(paragraph, blocks, inList);
                inList = false;
                if (previous != null
                        && isHeading(previous)
                        && previous.size() == line.size()
                        && !blocks.isEmpty()
                        && gap(previous, line) <= PARAGRAPH_GAP * spacing * HEADING_RATIO) {
                    blocks.set(blocks.size() - 1, blocks.getLast() + " " + text); // a heading over two lines
                } else {
                    blocks.add("#".repeat(level(line.size())) + " " + text);
                }
            } else if (BULLET.matcher(text).find() || NUMBERED.matcher(text).find()) {
                flush(paragraph, blocks, inList);
                inList = true;
                itemX0 = line.x0();
                paragraph.append(BULLET.matcher(text).replaceFirst("- "));
            } else if (previous == null
                    || isHeading(previous)
                    || breaksBefore(previous, line, spacing, inList ? itemX0 : -1)) {
                flush(paragraph, blocks, inList);
                inList = false;
                paragraph.append(text);
            } else {
                // only the paragraph's last word takes part: re-reading the whole paragraph per line would be quadratic
                int cut = paragraph.lastIndexOf(" ") + 1;
                String lastWord = paragraph.substring(cut);
                paragraph.setLength(cut);
                paragraph.append(hyphenation.join(lastWord, text));
            }
            previous = line;
            i++;
        }
        flush(paragraph, blocks, inList);
        return String.join("\n\n", blocks).replace("\n\n\u0000", "\n");
    }

    /** @param itemX0 where the list item being read starts, or -1 outside a list */
    private boolean breaksBefore(Line previous, Line line, float spacing, float itemX0) {
        float gap = gap(previous, line);
        if (gap > PARAGRAPH_GAP * spacing) {
            return true;
        }
        if (previous.isTableRow() && !line.isTableRow()) {
            return true;
        }
        float em = Math.max(line.size(), 1);
        if (itemX0 >= 0) {
            // a list item's continuation lines hang under its text; a line back where the item starts is new prose
            return line.x0() <= itemX0 + 0.5f * em;
        }
        if (line.x0() > line.left() + 0.8f * em && line.x0() > previous.x0() + 0.8f * em) {
            return true; // a first-line indent
        }
        float width = line.right() - line.left();
        boolean shortLine = previous.x1() - previous.left() < SHORT_LINE * width;
        return shortLine && SENTENCE_END.matcher(previous.text()).find();
    }

    /** The vertical distance between two lines; negative when reading moved up (to the next column). */
    private static float gap(Line previous, Line line) {
        return line.y() - previous.y();
    }

    private int table(List<Line> lines, int start, List<String> blocks) {
        int columns = lines.get(start).cells().size();
        StringBuilder table = new StringBuilder();
        int i = start;
        while (i < lines.size() && (i == start || aligned(lines.get(start), lines.get(i)))) {
            List<String> cells = new ArrayList<>(lines.get(i).cells().stream()
                    .map(s -> s.text().replace("|", "\\|"))
                    .toList());
            while (cells.size() < columns) {
                cells.add("");
            }
            table.append("| ").append(String.join(" | ", cells)).append(" |\n");
            if (i == start) {
                table.append("|").append(" --- |".repeat(columns)).append("\n");
            }
            i++;
        }
        blocks.add(table.toString().strip());
        return i;
    }

    /**
     * Whether two lines are rows of one table: both cut into cells, and every cell of the one with fewer cells starts
     * where a cell of the other does. Justified text can leave a wide word space in a line, never at the same place
     * in the next line.
     */
    static boolean aligned(Line a, Line b) {
        if (!a.isTableRow() || !b.isTableRow()) {
            return false;
        }
        Line fewer = a.cells().size() <= b.cells().size() ? a : b;
        Line more = fewer == a ? b : a;
        float tolerance = 1.5f * Math.max(a.size(), b.size());
        return fewer.cells().stream()
                .allMatch(c -> more.cells().stream().anyMatch(o -> Math.abs(o.x0() - c.x0()) <= tolerance));
    }

    private void flush(StringBuilder paragraph, List<String> blocks, boolean listItem) {
        if (paragraph.isEmpty()) {
            return;
        }
        // consecutive list items are one block, one item a line (\0 marks where the blank line is taken out)
        boolean afterItem =
                listItem && !blocks.isEmpty() && isItem(blocks.getLast().replace("\u0000", ""));
        blocks.add((afterItem ? "\u0000" : "") + paragraph);
        paragraph.setLength(0);
    }

    private static boolean isItem(String block) {
        return block.startsWith("- ") || NUMBERED.matcher(block).find();
    }

    private int level(float size) {
        for (int i = 0; i < headingSizes.length; i++) {
            if (size >= headingSizes[i] - 0.25f) {
                return Math.min(6, 2 + i);
            }
        }
        return Math.min(6, 2 + headingSizes.length);
    }

    /** The median distance between consecutive baselines of body lines going down the page. */
    private float spacing(List<Line> lines) {
        float[] gaps = new float[lines.size()];
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            float gap = gap(lines.get(i - 1), lines.get(i));
            if (gap > 0 && !isHeading(lines.get(i)) && !isHeading(lines.get(i - 1))) {
                gaps[n++] = gap;
            }
        }
        if (n == 0) {
            return bodySize * 1.2f;
        }
        Arrays.sort(gaps, 0, n);
        return gaps[n / 2];
    }
}
