package io.docent.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The relevance gate's decision rule for one embedding model: a logistic model over a passage's evidence, fitted on
 * question sets that include unanswerable questions ({@code docent eval --fit-gate}). A passage is relevant when
 * {@code bias + similarity*wSimilarity + coverage*wCoverage + keyword*wKeyword >= 0}, where similarity is the
 * query-passage cosine, coverage the share of the question's content words in the passage, each word weighed by its
 * rarity in the index ({@link QueryCoverage}, {@link TermRarity}),
 * and keyword 1 when the passage is also in the keyword list, else 0. The threshold is folded into the bias.
 *
 * <p>Similarities are not comparable between embedding models (bge-small's sit much higher than OpenAI's), so each
 * model has its own fitted rule, read from {@code gate/<model>.properties} beside this class; a model without one
 * gets a similarity-only rule from its caller.
 *
 * @param model the embedding model the rule was fitted for, or a description of where it came from
 * @param bias the constant term (the negated threshold)
 * @param wSimilarity weight of the cosine similarity
 * @param wCoverage weight of the question-coverage share
 * @param wKeyword weight of being in the keyword list
 */
public record GateModel(String model, double bias, double wSimilarity, double wCoverage, double wKeyword) {

    public GateModel {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must name the embedding model");
        }
        for (double w : new double[] {bias, wSimilarity, wCoverage, wKeyword}) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("gate weights must be finite numbers, got " + w);
            }
        }
        if (wSimilarity <= 0) {
            throw new IllegalArgumentException("wSimilarity must be positive: a closer passage is never less relevant");
        }
    }

    /** The rule of before: a passage is relevant when its similarity reaches {@code minSimilarity}. */
    public static GateModel similarityOnly(double minSimilarity) {
        return new GateModel("similarity >= " + minSimilarity, -minSimilarity, 1, 0, 0);
    }

    /** The fitted rule for this embedding model, if one ships with Docent. */
    public static Optional<GateModel> forEmbeddingModel(String modelName) {
        String file = "gate/" + modelName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_") + ".properties";
        try (InputStream in = GateModel.class.getResourceAsStream(file)) {
            if (in == null) {
                return Optional.empty();
            }
            var p = new Properties();
            p.load(in);
            return Optional.of(new GateModel(
                    modelName,
                    number(p, "bias", file),
                    number(p, "similarity", file),
                    number(p, "coverage", file),
                    number(p, "keyword", file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the relevance gate's " + file, e);
        }
    }

    private static double number(Properties p, String key, String file) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(file + " has no '" + key + "'");
        }
        return Double.parseDouble(value.trim());
    }

    /** The decision value: relevant when it is at least 0. */
    public double logit(double similarity, double coverage, boolean inKeywordList) {
        return bias + wSimilarity * similarity + wCoverage * coverage + (inKeywordList ? wKeyword : 0);
    }
}
