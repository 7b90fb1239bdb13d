package io.docent.indexer.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a page's rows into reading order: a page set in two columns is read down the left column, then down the right.
 *
 * <h2>How a gutter is found</h2>
 *
 * For every point of the page's width, count the rows whose text covers it. A gutter is the widest run of points in
 * the middle half of the page that the fewest rows cover, at least {@value #MIN_GUTTER} points wide. It counts only
 * when few rows cross it (a full-width title or footer may: at most a quarter of the rows), when at least {@value
 * #MIN_ROWS_BESIDE} rows have text on both sides of it, and when the text on each side reads as prose (on average at
 * least {@value #MIN_PROSE_CHARS} characters a segment): the gaps between a table's columns are narrow text on both
 * sides and must stay rows. Rows that cross the gutter split the page into bands; each band of two-column rows is read
 * left column first.
 */
final class Columns {

    static final float MIN_GUTTER = 8;
    static final int MIN_ROWS_BESIDE = 3;
    static final double MIN_PROSE_CHARS = 15;

    private Columns() {}

    /** The page's lines in reading order. */
    static List<Line> order(List<List<Segment>> rows, float pageWidth) {
        float[] gutter = gutter(rows, pageWidth);
        if (gutter == null) {
            return single(rows);
        }
        float from = gutter[0];
        float to = gutter[1];
        List<Line> out = new ArrayList<>();
        List<List<Segment>> band = new ArrayList<>();
        for (List<Segment> row : rows) {
            if (row.stream().anyMatch(s -> s.overlaps(from, to))) {
                flush(band, from, out);
                out.add(new Line(row, row.getFirst().x0(), row.getLast().x1()));
            } else {
                band.add(row);
            }
        }
        flush(band, from, out);
        return out;
    }

    private static List<Line> single(List<List<Segment>> rows) {
        float left =
                (float) rows.stream().mapToDouble(r -> r.getFirst().x0()).min().orElse(0);
        float right =
                (float) rows.stream().mapToDouble(r -> r.getLast().x1()).max().orElse(0);
        return rows.stream().map(r -> new Line(r, left, right)).toList();
    }

    private static void flush(List<List<Segment>> band, float gutter, List<Line> out) {
        if (band.isEmpty()) {
            return;
        }
        List<List<Segment>> left = new ArrayList<>();
        List<List<Segment>> right = new ArrayList<>();
        for (List<Segment> row : band) {
            List<Segment> l = row.stream().filter(s -> s.x1() <= gutter).toList();
            List<Segment> r = row.stream().filter(s -> s.x0() >= gutter).toList();
            if (!l.isEmpty()) {
                left.add(l);
            }
            if (!r.isEmpty()) {
                right.add(r);
            }
        }
        out.addAll(single(left));
        out.addAll(single(right));
        band.clear();
    }

    /** {@code [from, to]} of the gutter, or {@code null} when the page is not set in two columns. */
    static float[] gutter(List<List<Segment>> rows, float pageWidth) {
        if (rows.size() < MIN_ROWS_BESIDE || pageWidth <= 0) {
            return null;
        }
        int width = (int) Math.ceil(pageWidth);
        int[] cover = new int[width + 1];
        for (List<Segment> row : rows) {
            for (Segment s : row) {
                int a = Math.max(0, (int) Math.floor(s.x0()));
                int b = Math.min(width, (int) Math.ceil(s.x1()));
                for (int x = a; x < b; x++) {
                    cover[x]++;
                }
            }
        }
        int lo = width / 4;
        int hi = width * 3 / 4;
        int least = Integer.MAX_VALUE;
        for (int x = lo; x <= hi; x++) {
            least = Math.min(least, cover[x]);
        }
        if (least > rows.size() / 4) {
            return null;
        }
        int bestFrom = -1;
        int bestLength = 0;
        for (int x = lo; x <= hi; x++) {
            if (cover[x] != least) {
                continue;
            }
            int end = x;
            while (end + 1 <= hi && cover[end + 1] == least) {
                end++;
            }
            if (end - x + 1 > bestLength) {
                bestFrom = x;
                bestLength = end - x + 1;
            }
            x = end;
        }
        if (bestLength < MIN_GUTTER) {
            return null;
        }
        float from = bestFrom;
        float to = bestFrom + bestLength;
        return isProseOnBothSides(rows, from, to) ? new float[] {from, to} : null;
    }

    private static boolean isProseOnBothSides(List<List<Segment>> rows, float from, float to) {
        int beside = 0;
        int leftChars = 0;
        int leftCount = 0;
        int rightChars = 0;
        int rightCount = 0;
        for (List<Segment> row : rows) {
            if (row.stream().anyMatch(s -> s.overlaps(from, to))) {
                continue;
            }
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
                && leftCount > 0
                && rightCount > 0
                && (double) leftChars / leftCount >= MIN_PROSE_CHARS
                && (double) rightChars / rightCount >= MIN_PROSE_CHARS;
    }
}
