package io.docent.indexer.pdf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A PDF's text, page by page, as {@link PdfReflow} found it.
 *
 * @param title the title the document declares, or {@code null}
 * @param author the author it declares, or {@code null}
 * @param modified when it says it was last modified (or created), or {@code null}
 * @param pages each page's Markdown, by page number from 1; empty for a page without text
 * @param failedPages numbers of the pages that could not be read and are missing
 */
public record PdfText(String title, String author, Instant modified, List<String> pages, List<Integer> failedPages) {

    /** The line that opens page {@code n}'s text in {@link #markdown()}; the chunker reads it back. */
    public static String pageMarker(int n) {
        return "<!--docent:page=" + n + "-->";
    }

    public PdfText {
        pages = List.copyOf(Objects.requireNonNull(pages, "pages"));
        failedPages = List.copyOf(Objects.requireNonNull(failedPages, "failedPages"));
    }

    /** Every page with text, each opened by its {@link #pageMarker}, separated by blank lines. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).isBlank()) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(pageMarker(i + 1)).append("\n\n").append(pages.get(i));
        }
        return sb.toString();
    }
}
