package io.docent.core.pipeline;

import io.docent.core.DocentException;

/**
 * Normalises the question text: whitespace collapsed, control characters removed, and an over-long question cut to
 * {@code maxChars} (a pasted log should still get an answer about its first part, not an error).
 */
public final class QuestionNormalizer {

    public static final int DEFAULT_MAX_CHARS = 2_000;

    private final int maxChars;

    public QuestionNormalizer(int maxChars) {
        if (maxChars < 10) {
            throw new IllegalArgumentException("maxChars must be >= 10, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    public QuestionNormalizer() {
        this(DEFAULT_MAX_CHARS);
    }

    public int maxChars() {
        return maxChars;
    }

    /** The normalised question; throws {@link DocentException.InvalidInput} when nothing is left of it. */
    public String normalize(String text) {
        String cleaned = text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        if (cleaned.isEmpty()) {
            throw new DocentException.InvalidInput("the question is empty");
        }
        if (cleaned.length() > maxChars) {
            int cut = cleaned.lastIndexOf(' ', maxChars);
            cleaned = cleaned.substring(0, cut > maxChars / 2 ? cut : maxChars);
        }
        return cleaned;
    }
}
