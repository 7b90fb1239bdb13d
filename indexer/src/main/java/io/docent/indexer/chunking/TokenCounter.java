package io.docent.indexer.chunking;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** Counts tokens, to size chunks. Implementations are thread-safe. */
@FunctionalInterface
public interface TokenCounter {

    int count(String text);

    /**
     * OpenAI's {@code cl100k_base} byte-pair encoding (jtokkit), a stand-in for the embedding model's own tokenizer:
     * it needs no model files and runs everywhere. bge's WordPiece yields about 1.1 to 1.3 times as many tokens on
     * English prose (more on numbers, identifiers and code), which {@link ChunkerSettings} allows for. Special-token
     * text such as {@code <|endoftext|>} in a document is counted as ordinary text.
     */
    static TokenCounter cl100k() {
        return Cl100k.COUNTER;
    }

    /** Loaded on first use: building the encoding parses a vocabulary of 100,000 entries. */
    final class Cl100k {
        private static final Encoding ENCODING =
                Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        static final TokenCounter COUNTER = ENCODING::countTokensOrdinary;

        private Cl100k() {}
    }
}
