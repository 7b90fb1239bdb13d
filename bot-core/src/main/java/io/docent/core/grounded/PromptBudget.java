package io.docent.core.grounded;

/**
 * How the model's context window is shared, in tokens (counted with cl100k_base, see {@link
 * io.docent.core.pipeline.Tokens}): the answer's reserve comes first, then the instructions and the question, then
 * the sources (best first, each cut to {@code perSourceTokens}, at most {@code sourceTokens} in all), and the history
 * gets what is left, up to {@code historyTokens}, newest turns first. However long a thread grows, the prompt plus the
 * answer fits {@code contextTokens}, so the model never fails with a context-length error.
 *
 * @param contextTokens the model's context window (prompt and answer together)
 * @param answerTokens the most the answer may use ({@code max_tokens}); also what bounds its length
 * @param sourceTokens the most all sources together may use
 * @param perSourceTokens the most one source may use
 * @param historyTokens the most the conversation history may use
 */
public record PromptBudget(
        int contextTokens, int answerTokens, int sourceTokens, int perSourceTokens, int historyTokens) {

    /** The setting an app reads for {@link #forContext}, named in the hint when a prompt cannot fit. */
    public static final String CONTEXT_TOKENS_SETTING = "DOCENT_MODEL_CONTEXT_TOKENS";

    public static final int DEFAULT_CONTEXT_TOKENS = 16_384;

    /** Room for the message framing the chat format adds, and for the tokeniser being a proxy for the model's. */
    static final int SAFETY_MARGIN = 64;

    public PromptBudget {
        if (contextTokens < 1_024) {
            throw new IllegalArgumentException("contextTokens must be >= 1024, was " + contextTokens);
        }
        if (answerTokens < 64 || sourceTokens < 1 || perSourceTokens < 1 || historyTokens < 0) {
            throw new IllegalArgumentException(
                    "answerTokens must be >= 64, sourceTokens and perSourceTokens >= 1," + " historyTokens >= 0");
        }
        if (answerTokens >= contextTokens / 2) {
            throw new IllegalArgumentException("answerTokens must be less than half of contextTokens");
        }
    }

    /** A budget sized to a context window: small local models (4k) and large hosted ones (128k) alike. */
    public static PromptBudget forContext(int contextTokens) {
        int answer = clamp(contextTokens / 8, 256, 800);
        int sources = clamp(contextTokens / 2, 1_000, 8_000);
        int perSource = clamp(sources / 3, 300, 1_600);
        int history = clamp(contextTokens / 8, 0, 1_500);
        return new PromptBudget(contextTokens, answer, sources, perSource, history);
    }

    public static PromptBudget defaults() {
        return forContext(DEFAULT_CONTEXT_TOKENS);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
