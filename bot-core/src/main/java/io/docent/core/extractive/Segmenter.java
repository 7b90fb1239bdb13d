package io.docent.core.extractive;

import io.docent.core.AnswerGenerator.Source;
import io.docent.core.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a source's text into {@link Unit}s. The text is Markdown-ish, as the indexer writes it: {@code # heading}
 * lines, {@code - item} or {@code 1. step} lines (indented lines continue an item), {@code | a | b |} table rows with
 * an optional {@code |---|---|} line under the header row, code between {@code ```} fences, and paragraphs separated by
 * blank lines. A code block is one unit, like an item or a row: a command is quoted whole or not at all.
 *
 * <p>Headings are not quoted: they become the context of the units below them. A header row is not quoted alone: it
 * is quoted above the first row of its table that is, so the row's cells keep their meaning.
 *
 * <p>Bracketed numbers in the text ("see [2]") become "(2)": the pipeline reads {@code [n]} in an answer as a citation
 * of source n, and a quoted "[2]" would cite the wrong document. Apart from that, text is quoted as it is: whatever it
 * says, including anything phrased as an instruction, is data to be quoted, never acted upon.
 */
final class Segmenter {

    private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+(.*?)[\\s#]*");
    private static final Pattern ITEM = Pattern.compile("(?:[-*+•]|\\d{1,3}[.)])\\s+\\S.*");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("[|:\\-\\s]*-[|:\\-\\s]*");
    private static final Pattern FENCE = Pattern.compile("(`{3,}|~{3,}).*");
    private static final Pattern CITATION_LIKE = Pattern.compile("\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "fig", "approx", "incl",
            "excl", "ca", "cf", "dept", "inc", "ltd", "corp", "ext", "tel", "vol");
    /** Abbreviations only before a number ("No. 5", "pp. 12"): elsewhere "no." ends a sentence ("The answer is no."). */
    private static final Set<String> BEFORE_NUMBERS = Set.of("no", "nr", "nos", "p", "pp", "ch", "op");

    private final int source;
    private final int number;
    private final String document;
    private final List<Unit> units = new ArrayList<>();
    private final StringBuilder paragraph = new StringBuilder();
    private StringBuilder item;
    private StringBuilder fence;
    private String fenceMarker;
    private String heading = "";
    private String tableHeader = "";
    private int tableRows;

    private Segmenter(int source, Source s) {
        Chunk chunk = s.hit().chunk();
        this.source = source;
        this.number = s.number();
        this.document = chunk.title() + " " + chunk.breadcrumb();
    }

    /** The units of the source at index {@code source} of the request, in reading order. */
    static List<Unit> units(int source, Source s) {
        Segmenter segmenter = new Segmenter(source, s);
        for (String line : s.hit().chunk().text().split("\\R")) {
            segmenter.line(line);
        }
        if (segmenter.fence != null) { // a fence left open runs to the end of the text
            segmenter.add(Unit.Kind.BLOCK, segmenter.fence.toString());
        }
        segmenter.endBlock();
        return segmenter.numbered();
    }

    private void line(String raw) {
        String line = raw.strip();
        if (fence != null) {
            fence.append('\n').append(raw);
            if (line.startsWith(fenceMarker) && line.chars().allMatch(c -> c == fenceMarker.charAt(0))) {
                add(Unit.Kind.BLOCK, fence.toString());
                fence = null;
            }
            return;
        }
        Matcher opening = FENCE.matcher(line);
        if (opening.matches()) {
            endBlock();
            fence = new StringBuilder(line);
            fenceMarker = opening.group(1);
            return;
        }
        if (line.isEmpty()) {
            endBlock();
            return;
        }
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
            endBlock();
            this.heading = heading.group(1);
        } else if (line.startsWith("|")) {
            endProse();
            tableLine(line);
        } else if (ITEM.matcher(line).matches()) {
            endTable();
            endProse();
            item = new StringBuilder(line);
        } else if (item != null && (Character.isWhitespace(raw.charAt(0)) || carriesOn(item, line))) {
            item.append(' ').append(line); // an indented line, or the rest of a sentence, continues the item above
        } else {
            endTable();
            endItem();
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
        }
    }

    /**
     * Whether a line that is not indented is still the item's: the item stops mid-sentence and the line goes on in
     * lower case, as a list item wrapped by a PDF or a hard-wrapping editor does ("- Employees get six free" then
     * "sessions a year."). Quoted apart, both halves would be fragments.
     */
    private static boolean carriesOn(StringBuilder item, String line) {
        char last = item.charAt(item.length() - 1);
        return ".!?:;".indexOf(last) < 0 && Character.isLowerCase(line.charAt(0));
    }

    private void tableLine(String line) {
        if (TABLE_SEPARATOR.matcher(line).matches()) {
            if (tableRows == 1) { // the row above the separator was the header, not data
                tableHeader = units.removeLast().text();
                tableRows = 0;
            }
            return;
        }
        tableRows++;
        add(Unit.Kind.ROW, line);
    }

    private void endBlock() {
        endProse();
        endTable();
    }

    private void endProse() {
        endItem();
        if (!paragraph.isEmpty()) {
            for (String sentence : sentences(paragraph.toString())) {
                add(Unit.Kind.SENTENCE, sentence);
            }
            paragraph.setLength(0);
        }
    }

    private void endItem() {
        if (item != null) {
            add(Unit.Kind.ITEM, item.toString());
            item = null;
        }
    }

    private void endTable() {
        tableRows = 0;
        tableHeader = "";
    }

    private void add(Unit.Kind kind, String text) {
        String header = kind == Unit.Kind.ROW ? tableHeader : "";
        units.add(new Unit(source, number, 0, kind, defuse(text), heading, defuse(header), document));
    }

    private List<Unit> numbered() {
        List<Unit> numbered = new ArrayList<>(units.size());
        for (Unit u : units) {
            numbered.add(new Unit(
                    u.source(), u.number(), numbered.size(), u.kind(), u.text(), u.label(), u.header(), u.document()));
        }
        return numbered;
    }

    private static String defuse(String text) {
        return CITATION_LIKE.matcher(text).replaceAll("($1)");
    }

    /**
     * Splits prose at a '.', '!' or '?' that is followed by a space and a capital, a digit or an opening quote or
     * bracket, unless the period ends an abbreviation ("e.g.", "Dr.", "approx.", "No. 5"), a dotted one ("a.m.",
     * "U.S.") or an initial ("J. Smith"). A period inside a number ("1.5", "$1,500.00") has no space after it, and a
     * line break inside a paragraph was joined into a space before: neither ends a sentence.
     */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < n && "\"'’”)]".indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            int next = end;
            while (next < n && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next == end
                    || next == n
                    || !opensSentence(text.charAt(next))
                    || c == '.' && abbreviation(text, i, Character.isDigit(text.charAt(next)))) {
                continue;
            }
            sentences.add(text.substring(start, end).strip());
            start = next;
            i = next - 1;
        }
        if (start < n && !text.substring(start).isBlank()) {
            sentences.add(text.substring(start).strip());
        }
        return sentences;
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'‘“([*_`".indexOf(c) >= 0;
    }

    private static boolean abbreviation(String text, int period, boolean beforeNumber) {
        int from = period;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        String word = text.substring(from, period).replaceAll("^\\W+", "").toLowerCase(Locale.ROOT);
        return word.length() == 1 && Character.isLetter(word.charAt(0))
                || word.contains(".")
                || ABBREVIATIONS.contains(word)
                || beforeNumber && BEFORE_NUMBERS.contains(word);
    }
}
