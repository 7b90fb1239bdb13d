package io.docent.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the core returns for a {@link Question}.
 *
 * @param text the answer, with {@code [n]} markers that refer to {@code citations}
 * @param citations the sources cited, numbered from 1 in order of first use; for {@link Status#NOT_FOUND} the
 *     closest sources, which the text does not cite
 * @param status how the question ended
 * @param standaloneQuery the search query the question was turned into (after follow-up rewriting)
 * @param evidence the passages retrieved, best first, with their scores (for "explain" and the sources view)
 * @param timings how long each pipeline stage took, in stage order
 * @param moreInPrivate asked in a shared conversation, the asker could read documents that answer it and that the
 *     conversation may not see: the surface offers the asker a private answer (without naming those documents)
 */
public record Answer(
        String text,
        List<Citation> citations,
        Status status,
        String standaloneQuery,
        List<SearchHit> evidence,
        Map<String, Duration> timings,
        boolean moreInPrivate) {

    public enum Status {
        /** Answered from the indexed documents, with citations. */
        ANSWERED,
        /** Nothing relevant enough was found; the text says so and the citations are the closest sources. */
        NOT_FOUND,
        /** Something failed; the text is an honest short message for the user. */
        FAILED,
        /**
         * Not attempted: the service was at its limit of answers at once, or shutting down. The text asks the user
         * to try again; nothing was retrieved.
         */
        BUSY
    }

    /** What a channel answer adds when the asker could have been told more in private. */
    public static final String MORE_IN_PRIVATE_TEXT =
            "Some documents that only you (not everyone here) can read may say more; I can answer you privately.";

    public Answer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        citations = citations == null ? List.of() : List.copyOf(citations);
        standaloneQuery = standaloneQuery == null ? "" : standaloneQuery;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        timings = timings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    public Answer(
            String text,
            List<Citation> citations,
            Status status,
            String standaloneQuery,
            List<SearchHit> evidence,
            Map<String, Duration> timings) {
        this(text, citations, status, standaloneQuery, evidence, timings, false);
    }

    /**
     * Whether this answer is a turn of the conversation that follow-up questions may lean on: an answer, or an honest
     * "not found" (the next question may rephrase it). A failure or a "busy" is not: it says nothing about the
     * documents, and in the history it would only crowd out real turns. Every surface keeps its history by this rule
     * (and Slack, which rebuilds a thread's history from its messages, marks such answers with feedback buttons).
     */
    public boolean belongsInHistory() {
        return status == Status.ANSWERED || status == Status.NOT_FOUND;
    }

    /** This answer, marked as one the asker could be told more about in private. */
    public Answer withMoreInPrivate() {
        return new Answer(text, citations, status, standaloneQuery, evidence, timings, true);
    }

    /** A failed answer that says so with {@code message}, one of {@link UserTexts}' texts. */
    public static Answer failed(String message) {
        return new Answer(message, List.of(), Status.FAILED, "", List.of(), Map.of());
    }

    /**
     * The answer to a question not attempted because its asker already has as many questions in flight as one person
     * may ({@link UserTexts#ONE_AT_A_TIME}): one person cannot make Docent busy for everyone.
     */
    public static Answer busyForYou() {
        return new Answer(UserTexts.ONE_AT_A_TIME, List.of(), Status.BUSY, "", List.of(), Map.of());
    }

    /** The answer to a question that was not attempted because the service is at its limit ({@link UserTexts#BUSY}). */
    public static Answer busy() {
        return new Answer(UserTexts.BUSY, List.of(), Status.BUSY, "", List.of(), Map.of());
    }
}
