package io.docent.app;

import io.docent.app.config.Settings;
import io.docent.core.AnswerGenerator;
import io.docent.core.Embedder;
import io.docent.core.SearchIndex;
import io.docent.core.extractive.ExtractiveAnswerer;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.lucene.LuceneSearchIndexBuilder;
import io.docent.core.onnx.CachingEmbedder;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.core.pipeline.AnswerPipeline;
import io.docent.core.pipeline.QuestionNormalizer;
import io.docent.core.pipeline.RelevanceGate;
import io.docent.core.pipeline.Retriever;
import java.nio.file.Path;

/**
 * The assembled application on the embedded default: a Lucene index on disk, the bundled ONNX embedder (query
 * embeddings cached), and the extractive answerer. Opening it is what every command does first; closing it commits
 * and releases the index lock.
 */
public final class DocentStack implements AutoCloseable {

    private final Path home;
    private final Embedder embedder;
    private final SearchIndex index;
    private final AnswerPipeline pipeline;
    private final QuestionNormalizer normalizer;

    private DocentStack(
            Path home, Embedder embedder, SearchIndex index, AnswerPipeline pipeline, QuestionNormalizer normalizer) {
        this.home = home;
        this.embedder = embedder;
        this.index = index;
        this.pipeline = pipeline;
        this.normalizer = normalizer;
    }

    /** The index directory: {@code --index-dir} when given, else {@code DOCENT_HOME/index}. */
    public static Path indexDir(Settings settings, Path explicit) {
        return explicit != null ? explicit : home(settings).resolve("index");
    }

    public static Path home(Settings settings) {
        return Path.of(settings.get("DOCENT_HOME", ".docent")).toAbsolutePath();
    }

    public static DocentStack open(Settings settings, Path indexDirOverride) {
        return open(settings, indexDirOverride, false);
    }

    /**
     * Opens the stack; with {@code recreate}, the index starts empty (its files are deleted under the index lock),
     * which is how a corrupt index or one built with another embedding model is rebuilt.
     */
    public static DocentStack open(Settings settings, Path indexDirOverride, boolean recreate) {
        Path home = home(settings);
        Embedder embedder = new CachingEmbedder(
                new OnnxEmbedder(),
                settings.getInt("DOCENT_QUERY_CACHE_SIZE", (int) CachingEmbedder.DEFAULT_MAXIMUM_SIZE, 0, 10_000_000));
        var builder = LuceneSearchIndex.builder(indexDir(settings, indexDirOverride))
                .embeddingModel(embedder.modelName(), embedder.dimension())
                .vectorWeight(vectorWeight(settings));
        SearchIndex index = (recreate ? builder.recreate() : builder).open();
        try {
            var normalizer = new QuestionNormalizer(
                    settings.getInt("DOCENT_MAX_QUESTION_CHARS", QuestionNormalizer.DEFAULT_MAX_CHARS, 100, 100_000));
            var retriever = new Retriever(
                    index,
                    embedder,
                    settings.getInt("DOCENT_CANDIDATES", Retriever.DEFAULT_CANDIDATES, 1, 1_000),
                    settings.getInt("DOCENT_MAX_SOURCES", Retriever.DEFAULT_MAX_SOURCES, 1, 50),
                    Retriever.DEFAULT_MAX_CHUNKS_PER_SOURCE);
            var gate = new RelevanceGate(
                    settings.getDouble("DOCENT_MIN_SIMILARITY", RelevanceGate.DEFAULT_MIN_SIMILARITY, -1, 1),
                    RelevanceGate.DEFAULT_CLOSEST_SOURCES);
            // With the embedder, sentence selection also weighs meaning, not only shared words (see
            // ExtractiveAnswerer).
            AnswerGenerator generator = new ExtractiveAnswerer(ExtractiveAnswerer.DEFAULT_MAX_CHARS, embedder);
            var pipeline = AnswerPipeline.builder(retriever, generator)
                    .normalizer(normalizer)
                    .gate(gate)
                    .build();
            return new DocentStack(home, embedder, index, pipeline, normalizer);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** Weight of vector ranks against keyword ranks in hybrid fusion ({@code DOCENT_VECTOR_WEIGHT}). */
    public static double vectorWeight(Settings settings) {
        return settings.getDouble("DOCENT_VECTOR_WEIGHT", LuceneSearchIndexBuilder.DEFAULT_VECTOR_WEIGHT, 0.01, 100);
    }

    public Path home() {
        return home;
    }

    public Embedder embedder() {
        return embedder;
    }

    public SearchIndex index() {
        return index;
    }

    public AnswerPipeline pipeline() {
        return pipeline;
    }

    public QuestionNormalizer normalizer() {
        return normalizer;
    }

    @Override
    public void close() {
        index.close();
    }
}
