package io.docent.indexer.pdf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends sentences cut by a page break. When a page's last paragraph stops mid-sentence and the next page opens by
 * continuing it, the rest of that sentence (up to its full stop) is moved back to the page where the sentence starts:
 * the page marker between them would otherwise cut it in two, and an answer quoting it would stop mid-way. Only the
 * one sentence moves, so every other sentence stays on the page that shows it.
 *
 * <p>A paragraph stops mid-sentence when it is prose (not a heading, table row or list item) and ends in a letter,
 * comma or hyphen (not a digit: a folio or a date at the foot of a page ends in one). The next page continues it when
 * its first paragraph is prose that starts with a lowercase letter, a digit or a currency sign: a capital letter may as
 * well start a new paragraph, and is left alone.
 */
final class PageBreaks {

    private static final Pattern CUT_OFF = Pattern.compile("[\\p{L},\u2013-]$");
    private static final Pattern CONTINUES = Pattern.compile("^[\\p{Ll}\\p{N}$\u20ac\u00a3(]");
    private static final Pattern NOT_PROSE = Pattern.compile("^(#|\\||- |\\d{1,3}[.)] )");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"'\u201d\u2019)]*(?=\\s|$)");

    private PageBreaks() {}

    /** Mends {@code pages} (each page's Markdown, blocks separated by blank lines) in place. */
    static void mend(String[] pages, Hyphenation hyphenation) {
        for (int i = 0; i + 1 < pages.length; i++) {
            String page = pages[i];
            String next = pages[i + 1];
            if (page.isBlank() || next.isBlank()) {
                continue;
            }
            int lastStart = page.lastIndexOf("\n\n") + 2;
            lastStart = lastStart < 2 ? 0 : lastStart;
            String last = page.substring(lastStart);
            int firstEnd = next.indexOf("\n\n");
            String first = firstEnd < 0 ? next : next.substring(0, firstEnd);
            if (NOT_PROSE.matcher(last).find()
                    || !CUT_OFF.matcher(last).find()
                    || NOT_PROSE.matcher(first).find()
                    || !CONTINUES.matcher(first).find()) {
                continue;
            }
            Matcher end = SENTENCE_END.matcher(first);
            String carried = end.find() ? first.substring(0, end.end()) : first;
            String rest = first.substring(carried.length()).strip();
            String after = firstEnd < 0 ? "" : next.substring(firstEnd + 2);
            pages[i] = page.substring(0, lastStart) + hyphenation.join(last, carried);
            pages[i + 1] = rest.isEmpty() ? after : after.isEmpty() ? rest : rest + "\n\n" + after;
        }
    }
}
