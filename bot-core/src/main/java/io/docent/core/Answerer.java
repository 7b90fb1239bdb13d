package io.docent.core;

/**
 * What the chat adapters and the web chat call: a question in, an answer out. The answer pipeline implements it;
 * decorators (metrics, bounded concurrency) wrap it.
 *
 * <p>Contract: never throws for a question; a failure is an {@link Answer.Status#FAILED} answer whose text can be
 * shown to the user as is. May block for as long as answering takes (seconds, with a language model), so callers
 * on a platform's request thread hand the call to an executor.
 */
@FunctionalInterface
public interface Answerer {

    Answer answer(Question question);

    /**
     * The answer, its text passed to {@code progress} as it is written (see {@link AnswerProgress}). Implementations
     * that write text gradually (the answer pipeline with a language model) and decorators (which must pass {@code
     * progress} on) override this; the default, for answerers that produce the whole text at once, streams nothing.
     */
    default Answer answer(Question question, AnswerProgress progress) {
        return answer(question);
    }
}
