package io.docent.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numbered source in an answer: {@code [number]} in the text refers to it. {@code url} may be a file path.
 *
 * <p>Where in the document the cited text is travels in the URL's fragment, as the indexer writes it for each chunk:
 * {@code #page=N} (PDF open parameters: a browser's PDF viewer opens there), {@code #slide=N} (a slide deck). Several
 * chunks of one document cited together add {@code &pages=3,5}. {@link #location()} reads it back for a person: "p. 3",
 * "pp. 3, 5", "slide 2".
 */
public record Citation(int number, String title, String url, String snippet) {

    private static final Pattern PAGE = Pattern.compile("[#&]page=(\\d+)");
    private static final Pattern PAGES = Pattern.compile("[#&]pages=(\\d+(?:,\\d+)*)");
    private static final Pattern SLIDE = Pattern.compile("[#&]slide=(\\d+)");

    public Citation {
        if (number < 1) {
            throw new IllegalArgumentException("number must be >= 1, was " + number);
        }
        Objects.requireNonNull(title, "title");
        url = url == null ? "" : url;
        snippet = snippet == null ? "" : snippet;
    }

    /** Where in the document: {@code "p. 3"}, {@code "pp. 3, 5"}, {@code "slide 2"}, or {@code ""}. */
    public String location() {
        return location(url);
    }

    /** The title with its location, as a source list shows it: {@code "Benefits Guide (p. 3)"}. */
    public String label() {
        String where = location();
        String name = title.isBlank() ? url : title;
        return where.isEmpty() ? name : name + " (" + where + ")";
    }

    /** The location a chunk URL names (see the class comment), or {@code ""}. */
    public static String location(String url) {
        int hash = url.indexOf('#');
        if (hash < 0) {
            return "";
        }
        String fragment = url.substring(hash);
        Matcher pages = PAGES.matcher(fragment);
        if (pages.find()) {
            List<String> all = List.of(pages.group(1).split(","));
            return all.size() == 1 ? "p. " + all.getFirst() : "pp. " + String.join(", ", all);
        }
        Matcher page = PAGE.matcher(fragment);
        if (page.find()) {
            return "p. " + page.group(1);
        }
        Matcher slide = SLIDE.matcher(fragment);
        return slide.find() ? "slide " + slide.group(1) : "";
    }

    /**
     * The URL of several chunks of one document cited as one source: the link opens at the best chunk's page, and
     * every page is kept for the label. URLs without a page come back as {@code best}.
     */
    public static String mergedUrl(String best, List<String> urlsInDocumentOrder) {
        Matcher bestPage = PAGE.matcher(best.indexOf('#') < 0 ? "" : best.substring(best.indexOf('#')));
        if (!bestPage.find()) {
            return best;
        }
        List<Integer> pages = new ArrayList<>();
        for (String url : urlsInDocumentOrder) {
            int hash = url.indexOf('#');
            Matcher page = PAGE.matcher(hash < 0 ? "" : url.substring(hash));
            if (page.find()) {
                int n = Integer.parseInt(page.group(1));
                if (!pages.contains(n)) {
                    pages.add(n);
                }
            }
        }
        pages.sort(null);
        if (pages.size() < 2) {
            return best;
        }
        return best + "&pages="
                + String.join(",", pages.stream().map(String::valueOf).toList());
    }
}
