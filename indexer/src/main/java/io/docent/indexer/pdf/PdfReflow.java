package io.docent.indexer.pdf;

import io.docent.core.DocentException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PDF's text with the document's shape kept: paragraphs whole, hyphenation undone, running headers, footers and page
 * numbers dropped, two columns read one after the other, headings as Markdown headings, and each page's text marked
 * with its number so every chunk can cite its page.
 *
 * <p>A PDF stores glyphs at positions, not paragraphs. The stages, one class each: {@link GlyphCollector} (glyphs of
 * every page, through PDFBox), {@link Rows} (glyphs into rows and gap-separated segments), {@link Columns} (reading
 * order across a gutter), {@link RunningLines} (what repeats at the pages' edges), {@link Paragraphs} (lines into
 * Markdown blocks, with {@link Hyphenation}), {@link PageBreaks} (a sentence cut by a page break made whole). Sizes are
 * judged against the document's body font size, the size most of its characters are set in.
 *
 * <p>Bad input: a document without a single character of text (a scan) is refused with {@link
 * DocentException.InvalidInput}; a page that cannot be read is left out and named in {@link PdfText#failedPages()}
 * and a warning. An encrypted or corrupt file throws PDFBox's {@link IOException}, for the caller to put in words.
 *
 * <p>Stateless and thread-safe.
 */
public final class PdfReflow {

    private static final Logger log = LoggerFactory.getLogger(PdfReflow.class);

    private PdfReflow() {}

    /**
     * The text of a PDF.
     *
     * @param name the file's name, for warnings
     * @throws IOException when the file is not a readable PDF (PDFBox's {@code InvalidPasswordException} when it is
     *     encrypted)
     * @throws DocentException.InvalidInput when no page has text
     */
    public static PdfText read(byte[] bytes, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            GlyphCollector collector = new GlyphCollector();
            collector.collect(document);
            if (!collector.failed().isEmpty()) {
                log.warn("{}: pages {} could not be read and are left out", name, collector.failed());
            }
            List<String> pages = reflow(collector.pages(), document.getNumberOfPages());
            if (pages.stream().allMatch(String::isBlank)) {
                throw new DocentException.InvalidInput(
                        collector.failed().isEmpty()
                                ? "no text (scanned image?); skipped"
                                : "no page could be read: " + collector.failed() + "; skipped");
            }
            PDDocumentInformation info = document.getDocumentInformation();
            Calendar modified =
                    info.getModificationDate() != null ? info.getModificationDate() : info.getCreationDate();
            return new PdfText(
                    info.getTitle(),
                    info.getAuthor(),
                    modified == null ? null : modified.toInstant(),
                    pages,
                    List.copyOf(collector.failed()));
        }
    }

    /** Each page's Markdown, indexed by page number - 1. */
    static List<String> reflow(List<GlyphCollector.Page> glyphPages, int pageCount) {
        float body = bodySize(glyphPages);
        List<RunningLines.Page> laidOut = new ArrayList<>();
        Hyphenation hyphenation = new Hyphenation();
        for (GlyphCollector.Page page : glyphPages) {
            List<Line> lines = Columns.order(Rows.of(page.glyphs()), page.width());
            lines.forEach(l -> hyphenation.learn(l.text()));
            laidOut.add(new RunningLines.Page(lines, page.height()));
        }
        List<List<Line>> kept = RunningLines.remove(laidOut);
        Paragraphs paragraphs = new Paragraphs(body, headingSizes(kept, body), hyphenation);
        String[] pages = new String[Math.max(pageCount, glyphPages.size())];
        Arrays.fill(pages, "");
        for (int i = 0; i < glyphPages.size(); i++) {
            int number = glyphPages.get(i).number();
            if (number >= 1 && number <= pages.length) {
                pages[number - 1] = paragraphs.write(kept.get(i));
            }
        }
        PageBreaks.mend(pages, hyphenation);
        return List.of(pages);
    }

    /** The font size (to half a point) that most characters are set in. */
    static float bodySize(List<GlyphCollector.Page> pages) {
        Map<Float, Integer> counts = new HashMap<>();
        for (GlyphCollector.Page page : pages) {
            for (Glyph g : page.glyphs()) {
                if (!g.isSpace()) {
                    counts.merge(Math.round(g.size() * 2) / 2f, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<Float, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(10f);
    }

    private static float[] headingSizes(List<List<Line>> pages, float body) {
        Paragraphs probe = new Paragraphs(body, new float[0], new Hyphenation());
        List<Float> sizes = pages.stream()
                .flatMap(List::stream)
                .filter(probe::isHeading)
                .map(l -> Math.round(l.size() * 2) / 2f)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
        float[] out = new float[sizes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sizes.get(i);
        }
        return out;
    }
}
