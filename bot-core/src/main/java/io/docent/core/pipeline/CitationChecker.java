package io.docent.core.pipeline;

import io.docent.core.AnswerGenerator.Source;
import io.docent.core.Citation;
import io.docent.core.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 6: checks the citations of a draft against what was retrieved. A marker {@code [n]} survives only if source
 * n was given to the generator; survivors are renumbered 1, 2, 3... in order of first use, so the reader's list has
 * no gaps. Grouped markers ({@code [1, 3]}, {@code [1][3]}) are handled. The text is bounded in length, cut at a
 * sentence end where possible.
 */
public final class CitationChecker {

    public static final int DEFAULT_MAX_ANSWER_CHARS = 3_500;
    public static final int SNIPPET_CHARS = 240;

    private static final Pattern MARKER = Pattern.compile("\\s?\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");

    private final int maxAnswerChars;

    public CitationChecker(int maxAnswerChars) {
        if (maxAnswerChars < 100) {
            throw new IllegalArgumentException("maxAnswerChars must be >= 100, was " + maxAnswerChars);
        }
        this.maxAnswerChars = maxAnswerChars;
    }

    public CitationChecker() {
        this(DEFAULT_MAX_ANSWER_CHARS);
    }

    /** The checked text and the citations it refers to, numbered in order of use. */
    public record Checked(String text, List<Citation> citations) {}

    public Checked check(String draft, List<Source> sources) {
        Map<Integer, SearchHit> given = new LinkedHashMap<>();
        sources.forEach(s -> given.put(s.number(), s.hit()));
        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        Matcher m = MARKER.matcher(bound(draft.strip()));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> kept = new ArrayList<>();
            for (String n : m.group(1).split(",")) {
                int original = Integer.parseInt(n.strip());
                if (given.containsKey(original)) {
                    int number = renumbered.computeIfAbsent(original, k -> renumbered.size() + 1);
                    String marker = "[" + number + "]";
                    if (!kept.contains(marker)) {
                        kept.add(marker);
                    }
                }
            }
            String replacement = kept.isEmpty() ? "" : (m.group().startsWith(" ") ? " " : "") + String.join("", kept);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        List<Citation> citations = new ArrayList<>();
        renumbered.forEach((original, number) -> citations.add(citation(number, given.get(original))));
        return new Checked(out.toString(), citations);
    }

    /** A citation for a hit (also used for the closest sources of a not-found answer). */
    public static Citation citation(int number, SearchHit hit) {
        var chunk = hit.chunk();
        return new Citation(number, chunk.title(), chunk.url(), snippet(chunk.text()));
    }

    public static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= SNIPPET_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SNIPPET_CHARS);
        return flat.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS) + "...";
    }

    private String bound(String text) {
        if (text.length() <= maxAnswerChars) {
            return text;
        }
        String head = text.substring(0, maxAnswerChars);
        int sentenceEnd = Math.max(head.lastIndexOf(". "), head.lastIndexOf(".\n"));
        return sentenceEnd > maxAnswerChars / 2 ? head.substring(0, sentenceEnd + 1) : head + "...";
    }
}
