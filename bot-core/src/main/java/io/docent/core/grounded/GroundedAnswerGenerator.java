package io.docent.core.grounded;

import io.docent.core.AnswerGenerator;
import io.docent.core.ChatMessage;
import io.docent.core.ChatModel;
import java.util.List;
import java.util.Objects;
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
        List<ChatMessage> messages = GroundedPrompt.build(request, budget);
        ChatModel.Completion completion = model.complete(messages, budget.answerTokens());
        if (completion.refused()) {
            return new Draft(REFUSED_TEXT, true, completion.promptTokens(), completion.completionTokens());
        }
        String text = completion.text().strip();
        boolean sentinel = text.contains(GroundedPrompt.NOT_FOUND);
        if (text.isEmpty() || (sentinel && !CITATION.matcher(text).find())) {
            return new Draft(text, false, completion.promptTokens(), completion.completionTokens());
        }
        if (sentinel) {
            text = text.replace(GroundedPrompt.NOT_FOUND, "").strip();
        }
        return new Draft(text, true, completion.promptTokens(), completion.completionTokens());
    }

    @Override
    public String toString() {
        return "GroundedAnswerGenerator[" + model + ", " + budget + "]";
    }
}
