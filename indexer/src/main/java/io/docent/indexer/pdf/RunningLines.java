package io.docent.indexer.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds running headers, footers and page numbers: text that repeats at the edge of the pages and is not what the
 * document says.
 *
 * <p>Only the {@value #EDGE_LINES} topmost and bottommost lines of a page, only inside its top or bottom {@value
 * #EDGE_SHARE} of the height, and only when a gap wider than {@value #SEPARATION_EM} ems sets them apart from the body,
 * are candidates: a page's first line of body text that happens to repeat ("Page 3 explains...") is never dropped. A
 * candidate is running when its text, with every number replaced by {@code #}, is on at least half of the pages and on
 * at least {@value #MIN_PAGES} pages ("Contoso Benefits Guide 2026", "Page 3 of 12"). A lone page number ("7", "Page
 * 7", "Page 7 of 12", "- 7 -", "7 | Contoso") is dropped at the edge of any page, even in a short document.
 */
final class RunningLines {

    static final int EDGE_LINES = 2;
    static final double EDGE_SHARE = 0.15;
    static final int MIN_PAGES = 3;
    /** A running line stands apart from the body: a gap of more than this many ems (body lines are ~1.2 apart). */
    static final double SEPARATION_EM = 2;

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^(?:[-\u2013\u2014]\\s*)?(?:page\\s+)?(?:\\d+|[ivxlc]+)(?:\\s*(?:of|/)\\s*\\d+)?(?:\\s*[-\u2013\u2014])?$");

    private RunningLines() {}

    /** One page's lines and its height. */
    record Page(List<Line> lines, float height) {}

    /** For every page, the lines to keep, in the order given. */
    static List<List<Line>> remove(List<Page> pages) {
        Map<String, Integer> pagesWith = new HashMap<>();
        List<Set<Line>> candidates = new ArrayList<>();
        for (Page page : pages) {
            Set<Line> edge = edge(page);
            candidates.add(edge);
            Set<String> keys = new HashSet<>();
            edge.forEach(l -> keys.add(key(l)));
            keys.forEach(k -> pagesWith.merge(k, 1, Integer::sum));
        }
        int needed = Math.max(MIN_PAGES, (pages.size() + 1) / 2);
        List<List<Line>> kept = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            Set<Line> edge = candidates.get(p);
            kept.add(pages.get(p).lines().stream()
                    .filter(l -> !edge.contains(l)
                            || !(isPageNumber(l.text()) || pagesWith.getOrDefault(key(l), 0) >= needed))
                    .toList());
        }
        return kept;
    }

    static boolean isPageNumber(String text) {
        String t = text.strip();
        if (PAGE_NUMBER.matcher(t).matches()) {
            return true;
        }
        // "7 | Contoso Benefits Guide" and "Contoso Benefits Guide | 7": a number set off by a bar is a folio
        return t.matches("^\\d+\\s*\\|.*") || t.matches(".*\\|\\s*\\d+$");
    }

    private static Set<Line> edge(Page page) {
        List<Line> byY = new ArrayList<>(page.lines());
        byY.sort(Comparator.comparingDouble(Line::y));
        Set<Line> edge = new HashSet<>();
        float top = (float) (page.height() * EDGE_SHARE);
        float bottom = (float) (page.height() * (1 - EDGE_SHARE));
        int n = byY.size();
        // the lines above the first wide gap from the top, and below the first wide gap from the bottom
        for (int i = 0; i < Math.min(EDGE_LINES, n - 1); i++) {
            if (byY.get(i).y() > top) {
                break;
            }
            if (isApart(byY.get(i), byY.get(i + 1))) {
                edge.addAll(byY.subList(0, i + 1));
                break;
            }
        }
        for (int i = n - 1; i > Math.max(0, n - 1 - EDGE_LINES); i--) {
            if (byY.get(i).y() < bottom) {
                break;
            }
            if (isApart(byY.get(i - 1), byY.get(i))) {
                edge.addAll(byY.subList(i, n));
                break;
            }
        }
        return edge;
    }

    /** Whether a wider gap than between lines of a paragraph separates {@code upper} from {@code lower}. */
    private static boolean isApart(Line upper, Line lower) {
        return lower.y() - upper.y() > SEPARATION_EM * Math.max(upper.size(), lower.size());
    }

    private static String key(Line line) {
        return NUMBER.matcher(line.text().toLowerCase(Locale.ROOT))
                .replaceAll("#")
                .replaceAll("\\s+", " ");
    }
}
