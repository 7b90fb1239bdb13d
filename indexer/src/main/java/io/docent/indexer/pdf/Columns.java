package io.docent.indexer.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a page's rows into reading order: where the page is set in two columns, down the left column, then down the
 * right. A page may change layout part way (a full-width introduction over two columns), so columns are found per
 * band of rows, not per page.
 *
 * <h2>How a gutter is found</h2>
 *
 * Going down the page, a band grows while its rows all leave one common vertical strip free, at least {@value
 * #MIN_GUTTER} points wide, in the middle half of the page. A full-width row ends the band, and so does a heading (a
 * row set larger than the band's text) that sits on one side only, since it starts what follows, and a row more than
 * {@value #MAX_GAP_EM} ems below the one before (a footer). A band is read as two
 * columns when at least {@value #MIN_ROWS_BESIDE} of its rows have text on both sides of the strip and the text on
 * each side reads as prose (on average at least {@value #MIN_PROSE_CHARS} characters a segment) and the right side is
 * not cells that start at the same place row after row: a table's rows also leave strips free between its columns,
 * and must stay rows. In a column, a line's segments are one line: justified
 * text in a narrow column can leave word spaces wide enough to look like cells.
 */
final class Columns {

    static final float MIN_GUTTER = 8;
    static final int MIN_ROWS_BESIDE = 3;
    static final double MIN_PROSE_CHARS = 15;
    private static final double HEADING_RATIO = 1.15;
    /** Points within which cells of one table column start in every row. */
    private static final float CELL_ALIGNMENT = 2;
    /** Rows further apart than this many ems are not one band: a page footer below two columns is not in them. */
    private static final double MAX_GAP_EM = 3;

    private Columns() {}

    /** The page's lines in reading order. */
    static List<Line> order(List<List<Segment>> rows, float pageWidth) {
        List<Line> out = new ArrayList<>();
        float lo = pageWidth / 4;
        float hi = pageWidth * 3 / 4;
        float left =
                (float) rows.stream().mapToDouble(r -> r.getFirst().x0()).min().orElse(0);
        float right =
                (float) rows.stream().mapToDouble(r -> r.getLast().x1()).max().orElse(0);
        int i = 0;
        while (i < rows.size()) {
            List<float[]> strips = free(rows.get(i), lo, hi);
            int end = i + 1;
            while (!strips.isEmpty() && end < rows.size()) {
                float size = rows.get(end - 1).getFirst().size();
                List<float[]> next = intersect(strips, free(rows.get(end), lo, hi));
                float gap = rows.get(end).getFirst().y()
                        - rows.get(end - 1).getFirst().y();
                if (next.isEmpty() || isHeadingOnOneSide(rows.get(end), size, next) || gap > MAX_GAP_EM * size) {
                    break;
                }
                strips = next;
                end++;
            }
            List<List<Segment>> band = rows.subList(i, end);
            float[] gutter = strips.isEmpty() ? null : widest(strips);
            if (gutter != null && isTwoColumns(band, gutter[0], gutter[1])) {
                split(band, gutter[0], out);
                i = end;
            } else {
                out.add(new Line(rows.get(i), left, right));
                i++;
            }
        }
        return out;
    }

    /** The strips of {@code [lo, hi]} that the row leaves free, at least {@link #MIN_GUTTER} wide. */
    private static List<float[]> free(List<Segment> row, float lo, float hi) {
        List<float[]> out = new ArrayList<>();
        float from = lo;
        for (Segment s : row) {
            if (s.x0() > from) {
                add(out, from, Math.min(s.x0(), hi));
            }
            from = Math.max(from, s.x1());
        }
        add(out, from, hi);
        return out;
    }

    private static void add(List<float[]> strips, float from, float to) {
        if (to - from >= MIN_GUTTER) {
            strips.add(new float[] {from, to});
        }
    }

    private static List<float[]> intersect(List<float[]> a, List<float[]> b) {
        List<float[]> out = new ArrayList<>();
        for (float[] x : a) {
            for (float[] y : b) {
                add(out, Math.max(x[0], y[0]), Math.min(x[1], y[1]));
            }
        }
        return out;
    }

    private static float[] widest(List<float[]> strips) {
        float[] best = strips.getFirst();
        for (float[] s : strips) {
            if (s[1] - s[0] > best[1] - best[0]) {
                best = s;
            }
        }
        return best;
    }

    /** A row larger than the one before, on one side of the strips: a heading that starts what follows the band. */
    private static boolean isHeadingOnOneSide(List<Segment> row, float bandSize, List<float[]> strips) {
        float gutter = widest(strips)[0];
        boolean oneSide =
                row.stream().allMatch(s -> s.x1() <= gutter) || row.stream().allMatch(s -> s.x0() >= gutter);
        return oneSide && row.stream().anyMatch(s -> s.size() >= bandSize * HEADING_RATIO);
    }

    private static boolean isTwoColumns(List<List<Segment>> band, float from, float to) {
        int beside = 0;
        int leftChars = 0;
        int leftCount = 0;
        int rightChars = 0;
        int rightCount = 0;
        for (List<Segment> row : band) {
            boolean hasLeft = false;
            boolean hasRight = false;
            for (Segment s : row) {
                if (s.x1() <= from) {
                    hasLeft = true;
                    leftChars += s.text().length();
                    leftCount++;
                } else {
                    hasRight = true;
                    rightChars += s.text().length();
                    rightCount++;
                }
            }
            if (hasLeft && hasRight) {
                beside++;
            }
        }
        return beside >= MIN_ROWS_BESIDE
                && (double) leftChars / leftCount >= MIN_PROSE_CHARS
                && (double) rightChars / rightCount >= MIN_PROSE_CHARS
                && !hasAlignedCells(band, from);
    }

    /**
     * Whether the band's right side is a table's cells rather than a column of prose: two or more segments on the
     * right of the strip in most rows, the second one starting at the same place in each (a cell's left edge). Justified
     * prose can also leave wide word spaces, but not at the same place row after row.
     */
    private static boolean hasAlignedCells(List<List<Segment>> band, float gutter) {
        List<Float> secondStarts = new ArrayList<>();
        for (List<Segment> row : band) {
            List<Segment> right = row.stream().filter(s -> s.x1() > gutter).toList();
            if (right.size() >= 2) {
                secondStarts.add(right.get(1).x0());
            }
        }
        if (secondStarts.size() < 2) {
            return false;
        }
        for (float x : secondStarts) {
            long aligned = secondStarts.stream()
                    .filter(y -> Math.abs(y - x) <= CELL_ALIGNMENT)
                    .count();
            if (aligned >= 2 && aligned * 3 >= (long) band.size() * 2) {
                return true;
            }
        }
        return false;
    }

    /** The band's left column, then its right column, each line one segment. */
    private static void split(List<List<Segment>> band, float gutter, List<Line> out) {
        List<Segment> left = new ArrayList<>();
        List<Segment> right = new ArrayList<>();
        for (List<Segment> row : band) {
            List<Segment> l = row.stream().filter(s -> s.x1() <= gutter).toList();
            List<Segment> r = row.stream().filter(s -> s.x0() >= gutter).toList();
            if (!l.isEmpty()) {
                left.add(merge(l));
            }
            if (!r.isEmpty()) {
                right.add(merge(r));
            }
        }
        column(left, out);
        column(right, out);
    }

    private static void column(List<Segment> lines, List<Line> out) {
        float left = (float) lines.stream().mapToDouble(Segment::x0).min().orElse(0);
        float right = (float) lines.stream().mapToDouble(Segment::x1).max().orElse(0);
        lines.forEach(s -> out.add(new Line(List.of(s), left, right)));
    }

    private static Segment merge(List<Segment> segments) {
        if (segments.size() == 1) {
            return segments.getFirst();
        }
        String text = String.join(" ", segments.stream().map(Segment::text).toList());
        float size = (float) segments.stream().mapToDouble(Segment::size).max().orElse(0);
        return new Segment(
                text,
                segments.getFirst().x0(),
                segments.getLast().x1(),
                segments.getFirst().y(),
                size,
                segments.stream().allMatch(Segment::bold));
    }
}
