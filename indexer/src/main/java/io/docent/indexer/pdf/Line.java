package io.docent.indexer.pdf;

import java.util.List;

/**
 * A line in reading order: usually one segment; several when the line is a table row.
 *
 * @param cells its segments, left to right
 * @param left the left edge of the column the line is in
 * @param right the right edge of that column
 */
record Line(List<Segment> cells, float left, float right) {

    Line {
        cells = List.copyOf(cells);
    }

    String text() {
        return cells.size() == 1
                ? cells.getFirst().text()
                : String.join(" ", cells.stream().map(Segment::text).toList());
    }

    float x0() {
        return cells.getFirst().x0();
    }

    float x1() {
        return cells.getLast().x1();
    }

    float y() {
        return cells.getFirst().y();
    }

    float size() {
        return (float) cells.stream().mapToDouble(Segment::size).max().orElse(0);
    }

    boolean isBold() {
        return cells.stream().allMatch(Segment::bold);
    }

    boolean isTableRow() {
        return cells.size() > 1;
    }
}
