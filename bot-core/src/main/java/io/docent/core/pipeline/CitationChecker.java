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
    /** The start of a marker, and all of what follows it, while it is still being written: {@code [1, 2}. */
    private static final Pattern OPEN_MARKER = Pattern.compile("\\[[\\d\\s,]*");

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

    /**
     * The part of a draft still being written that no later text can change: what {@link #check} and {@link
     * SafeMarkdown} will make of it is already decided, so the checked text of this part is the beginning of the
     * checked text of the whole draft. It ends before anything still open that could become a citation marker or a
     * link ({@code [}, {@code [1, }, {@code [label]}, {@code [label](http}, an image's {@code !}), before trailing
     * whitespace (which a dropped marker takes with it), and, once the draft is past half the length bound, at its
     * last sentence end (where the bound may cut it).
     */
    String settled(String draftSoFar) {
        String text = draftSoFar.strip();
        int end = text.length();
        if (end > maxAnswerChars / 2) {
            String head = text.substring(0, Math.min(end, maxAnswerChars));
            int sentenceEnd = Math.max(head.lastIndexOf(". "), head.lastIndexOf(".\n"));
            end = Math.min(end, Math.max(maxAnswerChars / 2, sentenceEnd > maxAnswerChars / 2 ? sentenceEnd + 1 : 0));
        }
        String prefix = text.substring(0, end);
        for (int i = prefix.indexOf('['); i >= 0; i = prefix.indexOf('[', i + 1)) {
            if (open(prefix, i)) {
                end = i > 0 && prefix.charAt(i - 1) == '!' ? i - 1 : i;
                break;
            }
        }
        if (end == text.length() && end > 0 && text.charAt(end - 1) == '!') {
            end--; // an image's "![" may follow
        }
        return text.substring(0, end).stripTrailing();
    }

    /** Whether the {@code [} at {@code i} may still become a marker or a link when {@code text} goes on. */
    private static boolean open(String text, int i) {
        if (OPEN_MARKER.matcher(text).region(i, text.length()).matches()) {
            return true;
        }
        int close = firstOf(text, i + 1, ']');
        if (close < 0 || close == text.length() - 1) {
            return close != -2; // no end yet, or "[label]" that a "(url)" may follow; a new line ends it
        }
        if (text.charAt(close + 1) != '(') {
            return false;
        }
        return firstOf(text, close + 2, ')') == -1;
    }

    /** The index of the first {@code wanted} from {@code from}; -2 if a line ends first, -1 if neither comes. */
    private static int firstOf(String text, int from, char wanted) {
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == wanted) {
                return k;
            }
            if (c == '\n') {
                return -2;
            }
        }
        return -1;
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
