package io.docent.indexer.chunking;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Cuts prose into sentences, and anything too long into pieces that fit a token budget. */
final class TextSplitter {

    private TextSplitter() {}

    /** The sentences of {@code text}, trimmed, by the JDK's language-neutral rules (which know CJK full stops). */
    static List<String> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        }
        return out;
    }

    /**
     * {@code text} cut into pieces of at most {@code limit} tokens: halved at the space nearest the middle, or, in
     * text without spaces (Chinese, a long identifier), at the middle character. Halving keeps pieces even, so no
     * tiny remainder is left at the end.
     */
    static List<String> fit(String text, int limit, TokenCounter counter) {
        List<String> out = new ArrayList<>();
        fit(text.strip(), Math.max(1, limit), counter, out);
        return out;
    }

    private static void fit(String text, int limit, TokenCounter counter, List<String> out) {
        if (text.isEmpty()) {
            return;
        }
        if (text.codePointCount(0, text.length()) <= 1 || counter.count(text) <= limit) {
            out.add(text);
            return;
        }
        int middle = text.length() / 2;
        int cut = nearestSpace(text, middle);
        if (cut <= 0 || cut >= text.length()) {
            cut = Character.isLowSurrogate(text.charAt(middle)) ? middle + 1 : middle;
        }
        fit(text.substring(0, cut).strip(), limit, counter, out);
        fit(text.substring(cut).strip(), limit, counter, out);
    }

    private static int nearestSpace(String text, int middle) {
        for (int d = 0; d < middle; d++) {
            if (middle + d < text.length() && Character.isWhitespace(text.charAt(middle + d))) {
                return middle + d;
            }
            if (Character.isWhitespace(text.charAt(middle - d))) {
                return middle - d;
            }
        }
        return -1;
    }
}
