package io.docent.core;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/**
 * What Docent says to people besides answers, in one place, so that Slack, Teams, the web chat and the command line
 * use the same words. None of these texts carries an exception's message, a setting's name or an endpoint: those are
 * for operators and go to the log, tied to what the person sees by a {@linkplain #newReference() reference id}.
 */
public final class UserTexts {

    /** Nothing in the documents the person may read answers the question. */
    public static final String NOT_FOUND = "I couldn't find this in the indexed documents.";

    /** Appended to {@link #NOT_FOUND} when the closest passages are offered as sources. */
    public static final String CLOSEST_SOURCES =
            "These are the closest sources I found; they may not answer your" + " question.";

    /**
     * Added to {@link #NOT_FOUND} when some of the question's own words are in none of the passages found: says which,
     * so the person can tell "the documents do not cover this" from "I asked it oddly". {@code words} are the
     * question's own words (letters and digits only), one or two, the weightiest first.
     */
    public static String notMentioned(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("words must not be empty");
        }
        var quoted = words.stream().map(w -> "“" + w + "”").toList();
        String list = quoted.size() == 1
                ? quoted.getFirst()
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.getLast();
        return "Nothing I found mentions " + list + ".";
    }

    /** The question was not attempted: Docent, or a service it depends on, is at its limit. */
    public static final String BUSY = "Docent is busy right now; please ask again in a minute.";

    /** The person already has as many questions being answered as one person may; the others are not affected. */
    public static final String ONE_AT_A_TIME =
            "I'm still working on your earlier questions; please ask this one again when they are answered.";

    /** A vote was recorded. */
    public static final String THANKS = "Thanks for the feedback! It helps improve Docent's answers.";

    /** A vote could not be recorded. */
    public static final String FEEDBACK_NOT_SAVED = "Sorry, I couldn't save your feedback. Please try again later.";

    private static final SecureRandom RANDOM = new SecureRandom();

    private UserTexts() {}

    /** Something failed while answering; {@code reference} is also in the log line that says what. */
    public static String failed(String reference) {
        return "Sorry, something went wrong while answering (reference " + reference + "). Please try again; if it"
                + " keeps happening, give your administrator the reference.";
    }

    /** The index cannot be read (not built yet, being rebuilt, or broken); the log says which. */
    public static String indexUnavailable(String reference) {
        return "The document index is not available right now, so I can't answer (reference " + reference + ")."
                + " Please try again later.";
    }

    /**
     * Ends an answer whose language model stopped writing partway: what it wrote is kept above this note, and {@code
     * reference} is also in the log line that says so.
     */
    public static String cutShort(String reference) {
        return "The answer was cut short: the language model stopped writing (reference " + reference + "). Please"
                + " ask again for a complete answer.";
    }

    /** Whether {@code text} already quotes a reference (a failure's text from {@link #failed}). */
    public static boolean quotesReference(String text) {
        return text.contains("(reference ");
    }

    /**
     * A short id for one failure or answer, e.g. {@code r-4f9c2a1b}: quoted to the person and written in the log, so
     * an administrator can find what happened without the person having to describe it.
     */
    public static String newReference() {
        return String.format(Locale.ROOT, "r-%08x", RANDOM.nextInt());
    }
}
