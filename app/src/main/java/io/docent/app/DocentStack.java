package io.docent.app;

import io.docent.app.config.BackendConfig;
import io.docent.app.config.DocentConfig;
import io.docent.app.config.RetrievalConfig;
import io.docent.app.config.Settings;
import io.docent.core.ChatModel;
import io.docent.core.Directory;
import io.docent.core.Embedder;
import io.docent.core.SearchIndex;
import io.docent.core.access.AccessPolicy;
import io.docent.core.azure.AzureOpenAiChatModel;
import io.docent.core.azure.AzureOpenAiEmbedder;
import io.docent.core.azure.AzureSearchIndex;
import io.docent.core.azure.OpenAiSettings;
import io.docent.core.embedding.CachingEmbedder;
import io.docent.core.extractive.ExtractiveGenerator;
import io.docent.core.grounded.GroundedAnswerGenerator;
import io.docent.core.grounded.LlmQueryRewriter;
import io.docent.core.grounded.StallGuard;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.core.pipeline.AnswerPipeline;
import io.docent.core.pipeline.GateModel;
import io.docent.core.pipeline.QuestionNormalizer;
import io.docent.core.pipeline.RelevanceGate;
import io.docent.core.pipeline.Retriever;
import io.docent.core.pipeline.TermRarity;
import io.docent.core.wordnet.WordNetSynonyms;
import java.nio.file.Path;
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
    private final RelevanceGate gate;

    private DocentStack(
            Path home,
            Embedder embedder,
            SearchIndex index,
            AnswerPipeline pipeline,
            QuestionNormalizer normalizer,
            TokenCounts tokens,
            boolean usesChatModel,
            Directory directory,
            RelevanceGate gate) {
        this.home = home;
        this.gate = gate;
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
        return BackendConfig.read(settings).azureSearch().isEmpty();
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
        return open(settings, DocentConfig.read(settings), indexDirOverride, access);
    }

    /**
     * Opens the stack with this configuration, read (and checked) once by the caller; {@code settings} still says
     * where the index and the directory are ({@code DOCENT_HOME}, {@code DOCENT_DIRECTORY*}).
     */
    public static DocentStack open(Settings settings, DocentConfig config, Path indexDirOverride, IndexAccess access) {
        BackendConfig backends = config.backends();
        RetrievalConfig retrieval = config.retrieval();
        // Read first: a wrong directory stops the command before the model is loaded or the index touched.
        Directory directory = directory(settings);
        Path home = home(settings);
        Optional<OpenAiSettings> openAi = backends.openAi();
        Embedder model = openAi.filter(o -> o.embeddingModel() != null)
                .<Embedder>map(AzureOpenAiEmbedder::create)
                .orElseGet(OnnxEmbedder::new);
        int queryCache = retrieval.queryCacheSize();
        Embedder embedder = queryCache == 0 ? model : new CachingEmbedder(model, queryCache); // 0: no cache
        SearchIndex index = backends.azureSearch()
                .<SearchIndex>map(azure -> AzureSearchIndex.open(azure, embedder))
                .orElseGet(() -> openLucene(settings, retrieval, indexDirOverride, access, embedder));
        try {
            var normalizer = new QuestionNormalizer(retrieval.maxQuestionChars());
            var retriever = new Retriever(
                    index,
                    embedder,
                    retrieval.candidates(),
                    retrieval.maxSources(),
                    Retriever.DEFAULT_MAX_CHUNKS_PER_SOURCE);
            // coverage weighs the question's words by their rarity in this index and knows WordNet's synonyms (the
            // fitted rules assume both)
            var gate = new RelevanceGate(
                    gateModel(retrieval, embedder.modelName()),
                    RelevanceGate.DEFAULT_CLOSEST_SOURCES,
                    TermRarity.of(index),
                    WordNetSynonyms.readingInBackground());
            var tokens = new TokenCounts();
            ChatModel chat = openAi.filter(o -> o.chatModel() != null)
                    .<ChatModel>map(AzureOpenAiChatModel::create)
                    .map(client -> new StallGuard(client, backends.modelStall()))
                    .map(tokens::counting)
                    .orElse(null);
            var pipeline = (chat == null
                            // Terms and answer type alone: weighing sentences by meaning too cost 4x the CPU and
                            // did not change the answers' quality (docs/benchmarks.md, "Answer quality").
                            ? AnswerPipeline.builder(retriever, new ExtractiveGenerator())
                            : AnswerPipeline.builder(
                                            retriever, new GroundedAnswerGenerator(chat, backends.promptBudget()))
                                    .rewriter(new LlmQueryRewriter(chat)))
                    .normalizer(normalizer)
                    .gate(gate)
                    .access(new AccessPolicy(directory))
                    .build();
            return new DocentStack(home, embedder, index, pipeline, normalizer, tokens, chat != null, directory, gate);
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
            Settings settings,
            RetrievalConfig retrieval,
            Path indexDirOverride,
            IndexAccess access,
            Embedder embedder) {
        var builder = retrieval.applyTo(LuceneSearchIndex.builder(indexDir(settings, indexDirOverride))
                .embeddingModel(embedder.modelName(), embedder.dimension()));
        return switch (access) {
            case WRITE -> builder.open();
            case REBUILD -> builder.recreate().open();
            case READ -> builder.openReadOnly();
        };
    }

    /**
     * The relevance gate's rule: {@code DOCENT_MIN_SIMILARITY} when the operator sets one (similarity alone decides),
     * else the rule fitted for the embedding model, else a similarity threshold for the model's family (bge-small's
     * similarities sit higher than OpenAI's text-embedding-3 ones).
     */
    static GateModel gateModel(RetrievalConfig retrieval, String embeddingModel) {
        return retrieval
                .minSimilarity()
                .map(GateModel::similarityOnly)
                .or(() -> GateModel.forEmbeddingModel(embeddingModel))
                .orElseGet(() -> GateModel.similarityOnly(
                        embeddingModel.startsWith(OnnxEmbedder.MODEL_NAME)
                                ? RelevanceGate.DEFAULT_MIN_SIMILARITY
                                : OPENAI_EMBEDDINGS_MIN_SIMILARITY));
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

    /** The pipeline's relevance gate, for explaining a decision ({@code docent ask --explain}). */
    public RelevanceGate gate() {
        return gate;
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
