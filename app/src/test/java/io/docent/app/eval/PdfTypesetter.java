package io.docent.app.eval;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A small typesetter that writes PDFs the way word processors do: text wrapped at a fixed width, long words
 * hyphenated at the line end, compounds broken at their own hyphen, paragraphs set apart by a gap, larger bold
 * headings, simple tables with cells at fixed positions, a page set in two columns, and a running header and footer
 * (with "Page N of M") on every page. Test scope: the documents the PDF reader is tested on are written here, never
 * checked in. The same as the indexer's test typesetter (test classes are not shared between modules).
 */
public final class PdfTypesetter {

    public static final float PAGE_WIDTH = PDRectangle.LETTER.getWidth();
    public static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();
    private static final float MARGIN = 72;
    private static final float TOP = 100;
    private static final float BOTTOM = PAGE_HEIGHT - 80;
    private static final float BODY = 10;
    private static final float LEADING = 13;
    private static final float PARAGRAPH_GAP = 7;
    private static final float GUTTER = 18;
    /** Fragments a typesetter's hyphenation would not leave before a hyphen (they read as a compound's first part). */
    private static final Set<String> NO_BREAK_AFTER = Set.of(
            "self", "well", "half", "full", "part", "cross", "follow", "check", "high", "long", "short", "over",
            "under", "after", "back", "front", "time", "year", "sign", "drop", "pick", "three", "four", "with", "some");

    private record Draw(float x, float y, float size, boolean bold, String text) {}

    private final List<List<Draw>> pages = new ArrayList<>();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private String header;
    private String footer;
    private String title;
    private float y;

    public PdfTypesetter() {
        newPage();
    }

    /** A running header on every page. */
    public PdfTypesetter header(String text) {
        this.header = text;
        return this;
    }

    /** A running footer on every page; {@code %1$d} is the page number, {@code %2$d} the page count. */
    public PdfTypesetter footer(String format) {
        this.footer = format;
        return this;
    }

    /** The title in the document's properties. */
    public PdfTypesetter title(String text) {
        this.title = text;
        return this;
    }

    public PdfTypesetter heading(String text, float size) {
        if (y > BOTTOM - 4 * LEADING) {
            newPage();
        }
        if (y > TOP) {
            y += size * 0.8f;
        }
        current().add(new Draw(MARGIN, y, size, true, text));
        y += size * 1.3f + 4;
        return this;
    }

    /** A paragraph over the full width. */
    public PdfTypesetter paragraph(String text) {
        for (String line : wrap(text, PAGE_WIDTH - 2 * MARGIN)) {
            if (y > BOTTOM) {
                newPage();
            }
            current().add(new Draw(MARGIN, y, BODY, false, line));
            y += LEADING;
        }
        y += PARAGRAPH_GAP;
        return this;
    }

    /** A bulleted list item. */
    public PdfTypesetter bullet(String text) {
        List<String> lines = wrap(text, PAGE_WIDTH - 2 * MARGIN - 14);
        for (int i = 0; i < lines.size(); i++) {
            if (y > BOTTOM) {
                newPage();
            }
            if (i == 0) {
                current().add(new Draw(MARGIN, y, BODY, false, "\u2022"));
            }
            current().add(new Draw(MARGIN + 14, y, BODY, false, lines.get(i)));
            y += LEADING;
        }
        y += 2;
        return this;
    }

    /** A table: the first row is its header (in bold), each cell starts at the given x offset from the margin. */
    public PdfTypesetter table(float[] columnOffsets, String[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            if (y > BOTTOM) {
                newPage();
            }
            for (int c = 0; c < rows[r].length; c++) {
                current().add(new Draw(MARGIN + columnOffsets[c], y, BODY, r == 0, rows[r][c]));
            }
            y += LEADING + 3;
        }
        y += PARAGRAPH_GAP;
        return this;
    }

    /** A new page holding a heading over the full width and then two columns of paragraphs. */
    public PdfTypesetter twoColumnPage(String heading, List<String> left, List<String> right) {
        newPage();
        heading(heading, 14);
        columns(left, right);
        newPage();
        return this;
    }

    /** Two columns of paragraphs on the current page, below what is already on it. */
    public PdfTypesetter columns(List<String> left, List<String> right) {
        float top = y;
        float width = (PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2;
        column(left, MARGIN, width);
        float leftEnd = y;
        y = top;
        column(right, MARGIN + width + GUTTER, width);
        y = Math.max(y, leftEnd);
        return this;
    }

    private void column(List<String> paragraphs, float x, float width) {
        for (String p : paragraphs) {
            for (String line : wrap(p, width)) {
                current().add(new Draw(x, y, BODY, false, line));
                y += LEADING;
            }
            y += PARAGRAPH_GAP;
        }
    }

    public PdfTypesetter pageBreak() {
        newPage();
        return this;
    }

    /** The PDF; an empty last page (after a page break) is left out. */
    public byte[] pdf() {
        if (pages.size() > 1 && current().isEmpty()) {
            pages.removeLast();
        }
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (title != null) {
                doc.getDocumentInformation().setTitle(title);
            }
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                List<Draw> draws = new ArrayList<>(pages.get(p));
                if (header != null) {
                    draws.add(new Draw(MARGIN, 40, 8, false, header));
                }
                if (footer != null) {
                    String text = String.format(Locale.ROOT, footer, p + 1, pages.size());
                    draws.add(new Draw(PAGE_WIDTH - MARGIN - width(text, 8, false), PAGE_HEIGHT - 40, 8, false, text));
                }
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    for (Draw d : draws) {
                        content.beginText();
                        content.setFont(d.bold() ? bold : regular, d.size());
                        content.newLineAtOffset(d.x(), PAGE_HEIGHT - d.y());
                        content.showText(d.text());
                        content.endText();
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two pages that each hold only a picture, as a scanner writes them. */
    public static byte[] scanned() {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            image.getGraphics().drawString("Scanned policy", 20, 50);
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(xobject, 72, 500, 400, 200);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Draw> current() {
        return pages.getLast();
    }

    private void newPage() {
        if (pages.isEmpty() || !current().isEmpty()) {
            pages.add(new ArrayList<>());
        }
        y = TOP;
    }

    /** Greedy wrapping; a word that does not fit is broken at its own hyphen or hyphenated, when enough fits. */
    List<String> wrap(String text, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, BODY, false) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            String[] split = split(line.isEmpty() ? "" : line + " ", word, width);
            if (split != null) {
                lines.add((line.isEmpty() ? "" : line + " ") + split[0]);
                line.setLength(0);
                line.append(split[1]);
            } else {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code word} cut into a part ending in a hyphen that fits after {@code before}, and the rest; or null. */
    private String[] split(String before, String word, float width) {
        int hyphen = word.indexOf('-');
        if (hyphen > 0 && hyphen < word.length() - 1) {
            String head = word.substring(0, hyphen + 1);
            if (width(before + head, BODY, false) <= width) {
                return new String[] {head, word.substring(hyphen + 1)};
            }
        }
        if (word.length() < 8 || !word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        for (int cut = word.length() - 4; cut >= 4; cut--) {
            String head = word.substring(0, cut);
            if (NO_BREAK_AFTER.contains(head.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (width(before + head + "-", BODY, false) <= width) {
                return new String[] {head + "-", word.substring(cut)};
            }
        }
        return null;
    }

    private float width(String text, float size, boolean isBold) {
        try {
            return (isBold ? bold : regular).getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
