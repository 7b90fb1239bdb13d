package io.docent.core;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The last stage of the answer pipeline: writes the answer from numbered sources. Two kinds exist: one that prompts
 * a {@link ChatModel} with the sources between delimiters, and the embedded default that extracts the most relevant
 * sentences without a language model.
 *
 * <p>The text cites sources as {@code [n]}, where n is a {@link Source#number()}; the pipeline removes any citation
 * to a number that was not given.
 */
public interface AnswerGenerator {

    Draft generate(Request request);

    /**
     * As {@link #generate(Request)}, passing the draft's text to {@code written} while it is being written: each call
     * a longer text that, trailing whitespace aside, the final {@link Draft#text()} begins with, unless the generator
     * then decides the draft is not grounded or was refused (whose text replaces it). The text is not checked yet:
     * the pipeline holds back what its citation check has not seen. Calls come from the calling thread, in order.
     * The default, for a generator that writes its text at once (the extractive one), calls it never.
     */
    default Draft generate(Request request, Consumer<String> written) {
        return generate(request);
    }

    /**
     * Whether {@link #generate(Request, Consumer)} writes its text gradually (a language model) rather than at once
     * (the extractive generator): the pipeline then tells the surface that an answer is being written ({@link
     * AnswerProgress#writing()}).
     */
    default boolean writesGradually() {
        return false;
    }

    /**
     * @param question the user's question as asked
     * @param standaloneQuery the question rewritten to stand alone (equal to {@code question} for a first question)
     * @param history the conversation so far, within the token budget, oldest first
     * @param sources the retrieved passages, numbered from 1, best first
     */
    record Request(String question, String standaloneQuery, List<Turn> history, List<Source> sources) {
        public Request {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(standaloneQuery, "standaloneQuery");
            history = List.copyOf(history);
            sources = List.copyOf(sources);
        }
    }

    /** A retrieved passage offered to the generator under a number. */
    record Source(int number, SearchHit hit) {}

    /**
     * What the generator wrote. {@code grounded} is false when the generator decided the sources do not answer the
     * question (the pipeline then reports NOT_FOUND); {@code cutShort} is true when the language model stopped
     * writing partway ({@link ChatModel.Completion#cutShort()}): the text is what it wrote until then.
     */
    record Draft(String text, boolean grounded, int promptTokens, int completionTokens, boolean cutShort) {

        public Draft(String text, boolean grounded, int promptTokens, int completionTokens) {
            this(text, grounded, promptTokens, completionTokens, false);
        }

        public static Draft of(String text) {
            return new Draft(text, true, 0, 0);
        }
    }
}
