package io.docent.indexer.pdf;

/**
 * A run of text on one baseline with no wide gap inside it: a line of a paragraph, a column's line, or a table cell.
 *
 * @param text its words, single-spaced
 * @param x0 left edge
 * @param x1 right edge
 * @param y baseline
 * @param size the largest font size in it
 * @param bold whether all of it is set in a bold font
 */
record Segment(String text, float x0, float x1, float y, float size, boolean bold) {

    boolean overlaps(float from, float to) {
        return x0 < to && x1 > from;
    }
}
