package io.docent.indexer.pdf;

/**
 * One character as the page draws it, in PDF points with the origin at the top left (y grows downwards).
 *
 * @param x left edge
 * @param y baseline
 * @param width advance width
 * @param size font size in points, as drawn (the text matrix's scale included)
 * @param text the character(s) it stands for
 * @param bold whether its font is bold
 */
record Glyph(float x, float y, float width, float size, String text, boolean bold) {

    float right() {
        return x + width;
    }

    boolean isSpace() {
        return text.isBlank();
    }
}
