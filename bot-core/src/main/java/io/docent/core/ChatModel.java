package io.docent.core;

import java.util.List;
import java.util.function.Consumer;

/**
 * A language model: messages in, a completion out, streamed token by token to {@code onToken} as it arrives.
 *
 * <p>Throws {@link DocentException.RateLimited} or {@link DocentException.TimedOut} when the model is busy or
 * slow (retry later), {@link DocentException.AuthenticationFailed} for bad credentials. A content-filter refusal
 * is not an exception: it is a completion whose {@code refused} flag is set.
 */
public interface ChatModel {

    Completion complete(List<ChatMessage> messages, int maxTokens, Consumer<String> onToken);

    /** The text a model produced, whether a content filter refused it, and the tokens it used. */
    record Completion(String text, boolean refused, int promptTokens, int completionTokens) {}
}
