package io.docent.indexer.pdf;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects every page's glyphs with their positions, through PDFBox's text engine (fonts, encodings, text matrices),
 * and leaves the layout to this package: PDFBox's own line and paragraph guesses are not used.
 *
 * <p>A page that throws while its content is read is recorded as failed and yields nothing; the other pages are read
 * on. Not thread-safe: one collector per document.
 */
class GlyphCollector extends PDFTextStripper { // not final: a test makes one page fail

    /** One page's glyphs and size; {@code number} counts from 1. */
    record Page(int number, float width, float height, List<Glyph> glyphs) {}

    private final List<Page> pages = new ArrayList<>();
    private final SortedSet<Integer> failed = new TreeSet<>();
    private List<Glyph> current = new ArrayList<>();
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();

    GlyphCollector() {
        setSortByPosition(false);
        setSuppressDuplicateOverlappingText(false);
    }

    /** Reads every page of {@code document}. */
    void collect(PDDocument document) throws IOException {
        getText(document); // drives processPage for every page; the text it builds is empty and not used
    }

    List<Page> pages() {
        return pages;
    }

    /** Numbers of the pages that could not be read. */
    SortedSet<Integer> failed() {
        return failed;
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        try {
            super.processPage(page);
        } catch (IOException | RuntimeException e) {
            failed.add(getCurrentPageNo());
            current = new ArrayList<>();
        }
    }

    @Override
    protected void startPage(PDPage page) {
        current = new ArrayList<>();
    }

    @Override
    protected void endPage(PDPage page) {
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        float width = turned ? box.getHeight() : box.getWidth();
        float height = turned ? box.getWidth() : box.getHeight();
        pages.add(new Page(getCurrentPageNo(), width, height, current));
        current = new ArrayList<>();
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        String unicode = text.getUnicode();
        if (unicode == null || unicode.isEmpty()) {
            return;
        }
        if (unicode.chars().anyMatch(c -> c >= 0xFB00 && c <= 0xFB06)) {
            // typographic ligatures ("\uFB01" in "bene\uFB01ts"): letters again, or the word is not found by search
            unicode = Normalizer.normalize(unicode, Normalizer.Form.NFKC);
        }
        current.add(new Glyph(
                text.getXDirAdj(),
                text.getYDirAdj(),
                text.getWidthDirAdj(),
                text.getFontSizeInPt(),
                unicode,
                isBold(text.getFont())));
    }

    /** Bold by the font's descriptor (weight, force-bold flag) or, as most embedded subsets say it, by its name. */
    private boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        return boldFonts.computeIfAbsent(font, f -> {
            PDFontDescriptor d = f.getFontDescriptor();
            if (d != null && (d.isForceBold() || d.getFontWeight() >= 600)) {
                return true;
            }
            String name = f.getName();
            return name != null && name.toLowerCase(Locale.ROOT).contains("bold");
        });
    }
}
