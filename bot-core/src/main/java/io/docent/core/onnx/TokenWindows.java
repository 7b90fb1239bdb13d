package io.docent.core.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts a text into windows the model can read whole: at most {@link #MAX_TOKENS} word pieces each (512 minus the
 * [CLS] and [SEP] the encoder adds), cut between words, never inside one, so that each window tokenises again into
 * exactly the pieces counted here.
 *
 * <p>Uses the model's own tokenizer with truncation off: the tokenizer file's defaults would cut at 512 and hide the
 * rest of the text. Thread-safe (the native tokenizer is); {@link #close()} frees its native memory.
 */
final class TokenWindows implements AutoCloseable {

    static final int MAX_TOKENS = 510;

    /** A piece of the text and how many word pieces it holds (its weight in the average). */
    record Window(String text, int tokens) {}

    private final HuggingFaceTokenizer tokenizer;

    TokenWindows(byte[] tokenizerJson) throws IOException {
        this.tokenizer = HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(tokenizerJson),
                Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false"));
    }

    /** The text itself when it fits, else consecutive windows that together cover all of it. */
    List<Window> split(String text) {
        Encoding encoding = tokenizer.encode(text, false, false);
        String[] tokens = encoding.getTokens();
        int n = tokens.length;
        if (n <= MAX_TOKENS) {
            return List.of(new Window(text, n));
        }
        CharSpan[] spans = encoding.getCharTokenSpans();
        List<Window> windows = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int to = Math.min(n, from + MAX_TOKENS); // exclusive
            int cut = to;
            while (cut > from && cut < n && tokens[cut].startsWith("##")) {
                cut--; // "##" continues the word before it: cut before the word instead
            }
            if (cut > from) { // else one "word" longer than a window (a pasted blob): cut inside it
                to = cut;
            }
            windows.add(new Window(substring(text, spans[from].getStart(), spans[to - 1].getEnd()), to - from));
            from = to;
        }
        return windows;
    }

    /** Spans count code points, not Java chars: they differ after an emoji or another supplementary character. */
    private static String substring(String text, int fromCodePoint, int toCodePoint) {
        int from = text.offsetByCodePoints(0, fromCodePoint);
        return text.substring(from, text.offsetByCodePoints(from, toCodePoint - fromCodePoint));
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
