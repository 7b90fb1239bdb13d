package io.docent.core;

import java.util.List;
import java.util.function.Consumer;

/**
 * A language model: messages in, a completion out, streamed token by token to {@code onToken} as it arrives, or
 * just the completion when no one reads the tokens as they come ({@link #complete(List, int)}).
 *
 * <p>Throws {@link DocentException.RateLimited} or {@link DocentException.TimedOut} when the model is busy or
 * slow (retry later), {@link DocentException.AuthenticationFailed} for bad credentials. A content-filter refusal
 * is not an exception: it is a completion whose {@code refused} flag is set.
 */
public interface ChatModel {

    /** The completion, each token passed to {@code onToken} as the model produces it. */
    Completion complete(List<ChatMessage> messages, int maxTokens, Consumer<String> onToken);

    /**
     * The completion, its tokens not passed to anyone as they arrive: for the callers that only want the whole text
     * (the grounded answer, the query rewrite, a health check), so none of them writes a callback that does nothing.
     */
    default Completion complete(List<ChatMessage> messages, int maxTokens) {
        return complete(messages, maxTokens, token -> {});
    }

    /**
     * The text a model produced, whether a content filter refused it, the tokens it used, and whether it was cut
     * short: the model stopped sending tokens partway through (see {@code io.docent.core.grounded.StallGuard}), so
     * {@code text} is what had arrived until then, not the whole completion.
     */
    record Completion(String text, boolean refused, int promptTokens, int completionTokens, boolean cutShort) {

        /** A completion that arrived whole. */
        public Completion(String text, boolean refused, int promptTokens, int completionTokens) {
            this(text, refused, promptTokens, completionTokens, false);
        }
    }
}
