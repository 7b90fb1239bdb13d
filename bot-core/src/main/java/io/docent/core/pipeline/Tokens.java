package io.docent.core.pipeline;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.docent.core.ChatMessage;
import java.util.List;

/**
 * Token counting for budgets. cl100k_base is what current OpenAI chat and embedding models use, so budgets computed
 * here hold for them; for the local models it is a close, slightly generous proxy.
 */
public final class Tokens {

    private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private Tokens() {}

    public static int count(String text) {
        return text.isEmpty() ? 0 : CL100K.countTokensOrdinary(text);
    }

    /**
     * An estimate of the prompt tokens {@code messages} cost, for a model server that reports no usage: each
     * message's text and about four tokens of framing.
     */
    public static int prompt(List<ChatMessage> messages) {
        return messages.stream().mapToInt(m -> count(m.content()) + 4).sum();
    }

    /** The longest prefix of {@code text} that fits in {@code maxTokens}, cut at a token boundary. */
    public static String truncate(String text, int maxTokens) {
        var encoded = CL100K.encodeOrdinary(text, maxTokens);
        return encoded.isTruncated() ? CL100K.decode(encoded.getTokens()) : text;
    }
}
