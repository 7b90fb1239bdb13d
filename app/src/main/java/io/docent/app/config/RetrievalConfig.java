package io.docent.app.config;

import io.docent.core.embedding.CachingEmbedder;
import io.docent.core.lucene.FusionMethod;
import io.docent.core.lucene.LuceneSearchIndexBuilder;
import io.docent.core.pipeline.QuestionNormalizer;
import io.docent.core.pipeline.Retriever;
import java.util.Locale;
import java.util.Optional;

/**
 * How questions are read and sources found: the one place the retrieval settings' keys, defaults and ranges are
 * read, so that {@code docent serve}'s start-up check and the stack it opens cannot disagree.
 *
 * @param candidates {@value #CANDIDATES}: passages each retriever returns before fusion
 * @param maxSources {@value #MAX_SOURCES}: sources an answer may cite
 * @param maxQuestionChars {@value #MAX_QUESTION_CHARS}: longest question accepted
 * @param queryCacheSize {@value #QUERY_CACHE_SIZE}: question embeddings kept (0 turns the cache off)
 * @param fusion {@value #FUSION}: how keyword and vector lists are merged
 * @param vectorWeight {@value #VECTOR_WEIGHT}: weight of vector ranks against keyword ranks (default depends on
 *     {@code fusion})
 * @param minSimilarity {@value #MIN_SIMILARITY}: the relevance gate's threshold when the operator sets one; empty
 *     means the rule fitted for the embedding model decides
 */
public record RetrievalConfig(
        int candidates,
        int maxSources,
        int maxQuestionChars,
        int queryCacheSize,
        FusionMethod fusion,
        double vectorWeight,
        Optional<Double> minSimilarity) {

    public static final String CANDIDATES = "DOCENT_CANDIDATES";
    public static final String MAX_SOURCES = "DOCENT_MAX_SOURCES";
    public static final String MAX_QUESTION_CHARS = "DOCENT_MAX_QUESTION_CHARS";
    public static final String QUERY_CACHE_SIZE = "DOCENT_QUERY_CACHE_SIZE";
    public static final String FUSION = "DOCENT_FUSION";
    public static final String VECTOR_WEIGHT = "DOCENT_VECTOR_WEIGHT";
    public static final String MIN_SIMILARITY = "DOCENT_MIN_SIMILARITY";

    /** The defaults: what an unset environment means. */
    public static RetrievalConfig defaults() {
        return read(Settings.of(java.util.Map.of()));
    }

    /**
     * @throws ConfigException naming every retrieval setting that is present but wrong
     */
    public static RetrievalConfig read(Settings settings) {
        Problems problems = new Problems();
        RetrievalConfig config = read(settings, problems);
        problems.throwIfAny();
        return config;
    }

    /** Reads the retrieval settings, noting each wrong one in {@code problems} and using its default instead. */
    public static RetrievalConfig read(Settings settings, Problems problems) {
        int candidates = problems.check(() -> settings.getInt(CANDIDATES, Retriever.DEFAULT_CANDIDATES, 1, 1_000), 1);
        int maxSources = problems.check(() -> settings.getInt(MAX_SOURCES, Retriever.DEFAULT_MAX_SOURCES, 1, 50), 1);
        int maxQuestionChars = problems.check(
                () -> settings.getInt(MAX_QUESTION_CHARS, QuestionNormalizer.DEFAULT_MAX_CHARS, 100, 100_000),
                QuestionNormalizer.DEFAULT_MAX_CHARS);
        int cacheSize = problems.check(
                () -> settings.getInt(QUERY_CACHE_SIZE, (int) CachingEmbedder.DEFAULT_MAXIMUM_SIZE, 0, 10_000_000), 0);
        FusionMethod fusion = problems.check(() -> fusion(settings), LuceneSearchIndexBuilder.DEFAULT_FUSION);
        double vectorWeight = problems.check(
                () -> settings.getDouble(
                        VECTOR_WEIGHT, LuceneSearchIndexBuilder.defaultVectorWeight(fusion), 0.01, 100),
                LuceneSearchIndexBuilder.defaultVectorWeight(fusion));
        Optional<Double> minSimilarity = problems.check(
                () -> settings.get(MIN_SIMILARITY).isPresent()
                        ? Optional.of(settings.getDouble(MIN_SIMILARITY, 0, -1, 1))
                        : Optional.<Double>empty(),
                Optional.empty());
        return new RetrievalConfig(
                candidates, maxSources, maxQuestionChars, cacheSize, fusion, vectorWeight, minSimilarity);
    }

    private static FusionMethod fusion(Settings settings) {
        String value = settings.get(FUSION, LuceneSearchIndexBuilder.DEFAULT_FUSION.name())
                .trim()
                .toUpperCase(Locale.ROOT);
        try {
            return FusionMethod.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(FUSION + " must be convex or rrf");
        }
    }

    /** {@code builder} with this fusion method and vector weight. */
    public LuceneSearchIndexBuilder applyTo(LuceneSearchIndexBuilder builder) {
        return builder.fusion(fusion).vectorWeight(vectorWeight);
    }
}
