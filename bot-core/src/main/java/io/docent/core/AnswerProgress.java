package io.docent.core;

/**
 * Sees an answer while it is being written, so a surface can show the words as they arrive (Slack's streaming
 * methods, Teams streaming, the web chat's server-sent events) instead of a placeholder and then the whole answer.
 *
 * <p>Contract: each call's {@code textSoFar} extends the previous one (a growing prefix of the answer's final text,
 * Markdown with {@code [n]} citation markers already numbered as the final answer numbers them); a citation marker
 * appears only once the citation check has allowed it, so a marker to a source that does not exist is never shown,
 * not even for a moment. Calls come from the thread that answers, in order. The answer returned by {@link
 * Answerer#answer(Question, AnswerProgress)} is always complete and final, whether or not anything was streamed: the
 * extractive default, a refusal, a failure or a busy reply never call this at all, and a surface that saw no call
 * sends one final message.
 *
 * <p>The final answer replaces what was shown. Usually its text begins with the last {@code textSoFar} (an answer
 * cut short because the model stopped writing keeps it and adds a note), but the language model may end in "not in
 * the sources", or its content filter may refuse, after some text was passed on: the final answer is then a
 * not-found or the refusal, with another text, and a surface replaces the message it was writing with it (Slack
 * updates or stops its stream with the final text, Teams sends the final message of the stream, the web page
 * renders the {@code answer} event in place), never a second message beside it.
 *
 * <p>An implementation must be quick (hand slow platform calls to another thread) and must not throw; whatever it
 * throws is logged and ignored, never allowed to stop the answer.
 */
@FunctionalInterface
public interface AnswerProgress {

    /** For callers that only want the final answer. */
    AnswerProgress NONE = textSoFar -> {};

    /** The answer's checked text so far (see the class comment): a longer prefix at each call. */
    void written(String textSoFar);

    /**
     * The answer is about to be written gradually (the documents were found and a language model starts writing):
     * called at most once, before the first {@link #written}, so a surface can say that words are coming (Teams'
     * informative update) and open a stream only for an answer that will stream. Never called for an answer that
     * arrives whole (the extractive default), a not-found, a failure or a busy reply. Quick and never throwing, as
     * {@code written}.
     */
    default void writing() {}
}
