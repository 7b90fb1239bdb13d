package io.docent.core.grounded;

import io.docent.core.AnswerGenerator;
import io.docent.core.ChatMessage;
import io.docent.core.ChatModel;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An {@link AnswerGenerator} that asks a {@link ChatModel} to answer from numbered sources ({@link GroundedPrompt})
 * within a token budget ({@link PromptBudget}).
 *
 * <p>The model is told to reply {@value GroundedPrompt#NOT_FOUND} when the sources do not hold the answer; such a
 * reply (without any citation) becomes a draft that is not grounded, and the pipeline answers "not found" with the
 * closest sources. A reply the model's content filter refused becomes an honest sentence rather than an error. The
 * answer's length is bounded by the budget's answer tokens (and the citation checker cuts what is still too long).
 */
public final class GroundedAnswerGenerator implements AnswerGenerator {

    public static final String REFUSED_TEXT = "I can't answer this: the language model's content filter blocked the"
            + " answer. Please rephrase the question, or read the documents directly.";

    private static final Pattern CITATION = Pattern.compile("\\[\\d{1,3}(?:\\s*,\\s*\\d{1,3})*]");

    private final ChatModel model;
    private final PromptBudget budget;

    public GroundedAnswerGenerator(ChatModel model, PromptBudget budget) {
        this.model = Objects.requireNonNull(model, "model");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** With the budget of a {@value PromptBudget#DEFAULT_CONTEXT_TOKENS}-token context window. */
    public GroundedAnswerGenerator(ChatModel model) {
        this(model, PromptBudget.defaults());
    }

    @Override
    public Draft generate(Request request) {
        return generate(request, text -> {});
    }

    /**
     * Streams the model's text as it comes, except that the not-found reply is never shown: the text is held back
     * while it could still be (the start of) {@value GroundedPrompt#NOT_FOUND}, which the model is told to write
     * alone, and the marker is dropped wherever it is, as in the final draft. Prose that ends in the marker without a
     * citation, a refusal, or an empty reply do become other answers, which replace what was shown.
     */
    /** A language model writes token by token. */
    @Override
    public boolean writesGradually() {
        return true;
    }

    @Override
    public Draft generate(Request request, Consumer<String> written) {
        List<ChatMessage> messages = GroundedPrompt.build(request, budget);
        var reader = new ReaderText(written);
        ChatModel.Completion completion = model.complete(messages, budget.answerTokens(), reader::append);
        if (completion.refused()) {
            return new Draft(REFUSED_TEXT, true, completion.promptTokens(), completion.completionTokens());
        }
        String text = completion.text().strip();
        boolean sentinel = text.contains(GroundedPrompt.NOT_FOUND);
        if (text.isEmpty() || (sentinel && !CITATION.matcher(text).find())) {
            return new Draft(
                    text, false, completion.promptTokens(), completion.completionTokens(), completion.cutShort());
        }
        if (sentinel) {
            text = text.replace(GroundedPrompt.NOT_FOUND, "").strip();
        }
        return new Draft(text, true, completion.promptTokens(), completion.completionTokens(), completion.cutShort());
    }

    /** The model's tokens as the text a reader may see so far (see {@link #generate(Request, Consumer)}). */
    private static final class ReaderText {
        private final Consumer<String> written;
        private final StringBuilder raw = new StringBuilder();
        private String shown = "";

        ReaderText(Consumer<String> written) {
            this.written = written;
        }

        void append(String token) {
            raw.append(token);
            String text = raw.toString().replace(GroundedPrompt.NOT_FOUND, "");
            text = text.substring(0, text.length() - startOfMarker(text)).strip();
            if (text.length() > shown.length()) {
                shown = text;
                written.accept(text);
            }
        }

        /** The length of the longest end of {@code text} that the not-found marker starts with. */
        private static int startOfMarker(String text) {
            String marker = GroundedPrompt.NOT_FOUND;
            for (int n = Math.min(marker.length() - 1, text.length()); n > 0; n--) {
                if (text.regionMatches(text.length() - n, marker, 0, n)) {
                    return n;
                }
            }
            return 0;
        }
    }

    @Override
    public String toString() {
        return "GroundedAnswerGenerator[" + model + ", " + budget + "]";
    }
}
