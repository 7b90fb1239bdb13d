package io.docent.indexer.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Groups a page's glyphs into rows (glyphs on one baseline) and each row into segments (runs with no wide gap).
 *
 * <p>Why gaps and not the content stream's order: a PDF may draw text in any order, and many draw a line word by word
 * or a table cell by cell. Position is what a reader sees. A gap wider than {@value #SEGMENT_GAP_EM} em ends a
 * segment: wider than any word space of justified text, narrower than a column gutter or the space between table
 * cells. A gap wider than {@value #WORD_GAP_EM} em between two glyphs is a word space even when the PDF draws no
 * space character (many do not).
 */
final class Rows {

    static final double SEGMENT_GAP_EM = 1.0;
    static final double WORD_GAP_EM = 0.15;
    /** Baselines closer than this share a row (subscripts, a slightly raised glyph). */
    private static final double SAME_ROW_EM = 0.4;

    private static final Pattern LIST_MARK =
            Pattern.compile("[\u2022\u25aa\u25cf\u2023\u2043\u25e6\u2013*-]|\\d{1,3}[.)]|[a-z][.)]");

    private Rows() {}

    /** The rows of a page from top to bottom, each a list of segments from left to right. */
    static List<List<Segment>> of(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        List<List<Segment>> rows = new ArrayList<>();
        List<Glyph> row = new ArrayList<>();
        float rowY = 0;
        float rowSize = 0;
        for (Glyph g : sorted) {
            if (!row.isEmpty() && Math.abs(g.y() - rowY) > SAME_ROW_EM * Math.max(rowSize, g.size())) {
                addRow(rows, row);
                row = new ArrayList<>();
            }
            if (row.isEmpty()) {
                rowY = g.y();
                rowSize = g.size();
            }
            row.add(g);
        }
        addRow(rows, row);
        return rows;
    }

    private static void addRow(List<List<Segment>> rows, List<Glyph> row) {
        if (row.isEmpty()) {
            return;
        }
        row.sort(Comparator.comparingDouble(Glyph::x));
        List<Segment> segments = new ArrayList<>();
        List<Glyph> run = new ArrayList<>();
        float end = Float.NEGATIVE_INFINITY;
        for (Glyph g : row) {
            if (g.isSpace()) {
                if (!run.isEmpty()) {
                    run.add(g);
                }
                continue;
            }
            if (!run.isEmpty() && g.x() - end > SEGMENT_GAP_EM * g.size()) {
                segments.add(segment(run));
                run = new ArrayList<>();
            }
            run.add(g);
            end = g.right();
        }
        if (!run.isEmpty()) {
            segments.add(segment(run));
        }
        if (segments.size() > 1 && LIST_MARK.matcher(segments.getFirst().text()).matches()) {
            // a bullet or number set at a tab stop before its text is one line with it, not a table cell
            Segment mark = segments.removeFirst();
            Segment text = segments.removeFirst();
            segments.addFirst(new Segment(
                    mark.text() + " " + text.text(), mark.x0(), text.x1(), text.y(), text.size(), text.bold()));
        }
        if (!segments.isEmpty()) {
            rows.add(segments);
        }
    }

    private static Segment segment(List<Glyph> run) {
        StringBuilder text = new StringBuilder();
        float x0 = Float.MAX_VALUE;
        float x1 = 0;
        float size = 0;
        float end = Float.NEGATIVE_INFINITY;
        boolean pendingSpace = false;
        boolean bold = true;
        for (Glyph g : run) {
            if (g.isSpace()) {
                pendingSpace = true;
                continue;
            }
            boolean gap = end > Float.NEGATIVE_INFINITY && g.x() - end > WORD_GAP_EM * g.size();
            if ((pendingSpace || gap) && !text.isEmpty()) {
                text.append(' ');
            }
            pendingSpace = false;
            text.append(g.text());
            bold &= g.bold();
            x0 = Math.min(x0, g.x());
            x1 = Math.max(x1, g.right());
            size = Math.max(size, g.size());
            end = g.right();
        }
        return new Segment(text.toString().strip(), x0, x1, run.getFirst().y(), size, bold);
    }
}
