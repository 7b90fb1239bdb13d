package io.docent.app;

import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.core.ChatModel;
import io.docent.core.Directory;
import io.docent.core.Embedder;
import io.docent.core.SearchIndex;
import io.docent.core.access.AccessPolicy;
import io.docent.core.azure.AzureOpenAiChatModel;
import io.docent.core.azure.AzureOpenAiEmbedder;
import io.docent.core.azure.AzureSearchIndex;
import io.docent.core.azure.AzureSearchSettings;
import io.docent.core.azure.OpenAiSettings;
import io.docent.core.embedding.CachingEmbedder;
import io.docent.core.extractive.ExtractiveGenerator;
import io.docent.core.grounded.GroundedAnswerGenerator;
import io.docent.core.grounded.LlmQueryRewriter;
import io.docent.core.grounded.PromptBudget;
import io.docent.core.lucene.FusionMethod;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.lucene.LuceneSearchIndexBuilder;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.core.pipeline.AnswerPipeline;
import io.docent.core.pipeline.GateModel;
import io.docent.core.pipeline.QuestionNormalizer;
import io.docent.core.pipeline.RelevanceGate;
import io.docent.core.pipeline.Retriever;
import io.docent.core.pipeline.TermRarity;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The assembled application. On the embedded default: a Lucene index on disk, the bundled ONNX embedder (query
 * embeddings cached), and the extractive answerer. Each part is replaced by its production backend when configured:
 * Azure AI Search ({@code AZURE_SEARCH_ENDPOINT}), Azure OpenAI or an OpenAI-compatible server for embeddings and for
 * grounded answers with model-based follow-up rewriting ({@code AZURE_OPENAI_*}, {@code OPENAI_*}). Opening it is what every command does first; closing it commits
 * and releases the index lock.
 */
public final class DocentStack implements AutoCloseable {

    /** A starting point for OpenAI's text-embedding-3 models, whose related passages score about 0.3-0.6. */
    public static final double OPENAI_EMBEDDINGS_MIN_SIMILARITY = 0.35;

    private final Path home;
    private final Embedder embedder;
    private final SearchIndex index;
    private final AnswerPipeline pipeline;
    private final QuestionNormalizer normalizer;
    private final TokenCounts tokens;
    private final boolean usesChatModel;
    private final Directory directory;

    private DocentStack(
            Path home,
            Embedder embedder,
            SearchIndex index,
            AnswerPipeline pipeline,
            QuestionNormalizer normalizer,
            TokenCounts tokens,
            boolean usesChatModel,
            Directory directory) {
        this.home = home;
        this.directory = directory;
        this.tokens = tokens;
        this.usesChatModel = usesChatModel;
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

    /** How the embedded index is opened (Azure AI Search has no such modes). */
    public enum IndexAccess {
        /** Read and write, holding the index's write lock: for indexing. */
        WRITE,
        /** As {@link #WRITE}, after discarding the index's files: {@code docent index --rebuild}. */
        REBUILD,
        /**
         * Search only, without the lock, so a {@code docent index} run may update the index meanwhile; its commits
         * are seen within a second. For answering questions ({@code ask}, {@code chat}, {@code serve}).
         */
        READ
    }

    public static DocentStack open(Settings settings, Path indexDirOverride) {
        return open(settings, indexDirOverride, IndexAccess.WRITE);
    }

    /** Whether the index is the embedded Lucene one (no Azure AI Search configured). */
    public static boolean usesEmbeddedIndex(Settings settings) {
        return AzureSearchSettings.fromMap(settings.snapshot()).isEmpty();
    }

    /**
     * Opens the stack; with {@code recreate}, the index starts empty (its files are deleted under the index lock),
     * which is how a corrupt index or one built with another embedding model is rebuilt.
     */
    public static DocentStack open(Settings settings, Path indexDirOverride, boolean recreate) {
        return open(settings, indexDirOverride, recreate ? IndexAccess.REBUILD : IndexAccess.WRITE);
    }

    /** Opens the stack with the embedded index opened as {@code access} says. */
    public static DocentStack open(Settings settings, Path indexDirOverride, IndexAccess access) {
        // Read first: a wrong directory stops the command before the model is loaded or the index touched.
        Directory directory = directory(settings);
        Path home = home(settings);
        Map<String, String> config = settings.snapshot();
        Optional<OpenAiSettings> openAi = OpenAiSettings.fromMap(config);
        Embedder model = openAi.filter(o -> o.embeddingModel() != null)
                .<Embedder>map(AzureOpenAiEmbedder::create)
                .orElseGet(OnnxEmbedder::new);
        int queryCache =
                settings.getInt("DOCENT_QUERY_CACHE_SIZE", (int) CachingEmbedder.DEFAULT_MAXIMUM_SIZE, 0, 10_000_000);
        Embedder embedder = queryCache == 0 ? model : new CachingEmbedder(model, queryCache); // 0: no cache
        SearchIndex index = AzureSearchSettings.fromMap(config)
                .<SearchIndex>map(azure -> AzureSearchIndex.open(azure, embedder))
                .orElseGet(() -> openLucene(settings, indexDirOverride, access, embedder));
        try {
            var normalizer = new QuestionNormalizer(
                    settings.getInt("DOCENT_MAX_QUESTION_CHARS", QuestionNormalizer.DEFAULT_MAX_CHARS, 100, 100_000));
            var retriever = new Retriever(
                    index,
                    embedder,
                    settings.getInt("DOCENT_CANDIDATES", Retriever.DEFAULT_CANDIDATES, 1, 1_000),
                    settings.getInt("DOCENT_MAX_SOURCES", Retriever.DEFAULT_MAX_SOURCES, 1, 50),
                    Retriever.DEFAULT_MAX_CHUNKS_PER_SOURCE);
            // coverage weighs the question's words by their rarity in this index (the fitted rules assume it)
            var gate = new RelevanceGate(
                    gateModel(settings, embedder.modelName()),
                    RelevanceGate.DEFAULT_CLOSEST_SOURCES,
                    TermRarity.of(index));
            var tokens = new TokenCounts();
            ChatModel chat = openAi.filter(o -> o.chatModel() != null)
                    .<ChatModel>map(AzureOpenAiChatModel::create)
                    .map(tokens::counting)
                    .orElse(null);
            var pipeline = (chat == null
                            // Terms and answer type alone: weighing sentences by meaning too cost 4x the CPU and
                            // did not change the answers' quality (docs/benchmarks.md, "Answer quality").
                            ? AnswerPipeline.builder(retriever, new ExtractiveGenerator())
                            : AnswerPipeline.builder(
                                            retriever, new GroundedAnswerGenerator(chat, PromptBudget.fromMap(config)))
                                    .rewriter(new LlmQueryRewriter(chat)))
                    .normalizer(normalizer)
                    .gate(gate)
                    .access(new AccessPolicy(directory))
                    .build();
            return new DocentStack(home, embedder, index, pipeline, normalizer, tokens, chat != null, directory);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** Who may read what: see {@link Directories}. */
    static Directory directory(Settings settings) {
        return Directories.fromSettings(settings);
    }

    private static SearchIndex openLucene(
            Settings settings, Path indexDirOverride, IndexAccess access, Embedder embedder) {
        var builder = hybridFusion(
                settings,
                LuceneSearchIndex.builder(indexDir(settings, indexDirOverride))
                        .embeddingModel(embedder.modelName(), embedder.dimension()));
        return switch (access) {
            case WRITE -> builder.open();
            case REBUILD -> builder.recreate().open();
            case READ -> builder.openReadOnly();
        };
    }

    /** Weight of vector ranks against keyword ranks in hybrid fusion ({@code DOCENT_VECTOR_WEIGHT}). */
    /**
     * The relevance gate's rule: {@code DOCENT_MIN_SIMILARITY} when the operator sets one (similarity alone decides),
     * else the rule fitted for the embedding model, else a similarity threshold for the model's family (bge-small's
     * similarities sit higher than OpenAI's text-embedding-3 ones).
     */
    static GateModel gateModel(Settings settings, String embeddingModel) {
        if (settings.get("DOCENT_MIN_SIMILARITY").isPresent()) {
            return GateModel.similarityOnly(settings.getDouble("DOCENT_MIN_SIMILARITY", 0, -1, 1));
        }
        return GateModel.forEmbeddingModel(embeddingModel)
                .orElseGet(() -> GateModel.similarityOnly(
                        embeddingModel.startsWith(OnnxEmbedder.MODEL_NAME)
                                ? RelevanceGate.DEFAULT_MIN_SIMILARITY
                                : OPENAI_EMBEDDINGS_MIN_SIMILARITY));
    }

    public static double vectorWeight(Settings settings) {
        return settings.getDouble(
                "DOCENT_VECTOR_WEIGHT", LuceneSearchIndexBuilder.defaultVectorWeight(fusion(settings)), 0.01, 100);
    }

    /** How hybrid search merges its lists ({@code DOCENT_FUSION}: {@code convex} by default, or {@code rrf}). */
    public static FusionMethod fusion(Settings settings) {
        String value = settings.get("DOCENT_FUSION", LuceneSearchIndexBuilder.DEFAULT_FUSION.name())
                .trim()
                .toUpperCase(Locale.ROOT);
        try {
            return FusionMethod.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DOCENT_FUSION must be convex or rrf");
        }
    }

    /** {@code builder} with the fusion method and vector weight of {@code settings}. */
    public static LuceneSearchIndexBuilder hybridFusion(Settings settings, LuceneSearchIndexBuilder builder) {
        return builder.fusion(fusion(settings)).vectorWeight(vectorWeight(settings));
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

    /** Who may read what: the configured directory ({@link Directory#NOBODY} when none), behind its cache. */
    public Directory directory() {
        return directory;
    }

    /** The language model's token usage so far (zero on the extractive default). */
    public TokenCounts tokens() {
        return tokens;
    }

    /** Whether answers come from a language model (else the extractive answerer). */
    public boolean usesChatModel() {
        return usesChatModel;
    }

    @Override
    public void close() {
        index.close();
    }
}
