package io.docent.core.pipeline;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

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

    /** The longest prefix of {@code text} that fits in {@code maxTokens}, cut at a token boundary. */
    public static String truncate(String text, int maxTokens) {
        var encoded = CL100K.encodeOrdinary(text, maxTokens);
        return encoded.isTruncated() ? CL100K.decode(encoded.getTokens()) : text;
    }
}
