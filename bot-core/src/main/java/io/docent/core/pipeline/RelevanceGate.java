package io.docent.core.pipeline;

import io.docent.core.SearchHit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stage 4: decides, before any model is called, whether the retrieved passages can answer the question.
 *
 * <p>A passage is <em>relevant</em> when the {@link GateModel} says so from three pieces of evidence: the cosine
 * similarity between the query and the passage (comparable across questions, unlike a BM25 or fused score), how much
 * of the question's content the passage holds ({@link QueryCoverage}), and whether keyword search found it too. The
 * answer is attempted from the relevant passages only; with none, the question is not found and the closest passages
 * are offered. Similarity alone cannot tell "how many counselling sessions do I get?" (answerable) from "can I bring
 * my dog to the office?" (not answerable, but close to the office page): the second question's subject is in no
 * passage, and "dog" weighs more than "office", which half the pages mention ({@link TermRarity}). A word the passage
 * writes differently counts in part ("exam" and "examination", {@link Synonyms}); words that only name the kind of
 * answer ("how many days") count not at all ({@link QueryCoverage#subjectWeights}). The rule's weights
 * are fitted per embedding model on question sets with unanswerable questions
 * ({@code docent eval --fit-gate}, see docs/benchmarks.md), not set by hand.
 *
 * <p>When the index holds no vectors (similarity unknown), a keyword match counts as relevant.
 */
public final class RelevanceGate {

    /** The similarity-only threshold of before, for bge-small-en-v1.5 when no fitted rule is at hand. */
    public static final double DEFAULT_MIN_SIMILARITY = 0.62;

    public static final int DEFAULT_CLOSEST_SOURCES = 3;

    private final GateModel model;
    private final int closestSources;
    private final QueryCoverage coverage = new QueryCoverage();
    private final TermRarity rarity;
    private final Synonyms synonyms;

    /**
     * @param rarity how much each of the question's words weighs in its coverage ({@link TermRarity#of} the index
     *     searched; the fitted rules assume it)
     * @param synonyms the other words a question's word may be written as (the fitted rules assume WordNet's)
     */
    public RelevanceGate(GateModel model, int closestSources, TermRarity rarity, Synonyms synonyms) {
        this.model = Objects.requireNonNull(model, "model");
        this.rarity = Objects.requireNonNull(rarity, "rarity");
        this.synonyms = Objects.requireNonNull(synonyms, "synonyms");
        if (closestSources < 0) {
            throw new IllegalArgumentException("closestSources must be >= 0, got " + closestSources);
        }
        this.closestSources = closestSources;
    }

    /** A gate that knows no synonyms. */
    public RelevanceGate(GateModel model, int closestSources, TermRarity rarity) {
        this(model, closestSources, rarity, Synonyms.none());
    }

    /** A gate whose coverage weighs every word the same and knows no synonyms. */
    public RelevanceGate(GateModel model, int closestSources) {
        this(model, closestSources, TermRarity.uniform(), Synonyms.none());
    }

    /** A similarity-only gate: a passage is relevant when its similarity reaches {@code minSimilarity}. */
    public RelevanceGate(double minSimilarity, int closestSources) {
        this(GateModel.similarityOnly(minSimilarity), closestSources);
    }

    public RelevanceGate() {
        this(DEFAULT_MIN_SIMILARITY, DEFAULT_CLOSEST_SOURCES);
    }

    public GateModel model() {
        return model;
    }

    /** How many of the question's words a not-found names at most ({@link Decision#unmatched}). */
    static final int MAX_UNMATCHED = 2;

    /**
     * The outcome: the passages to answer from (empty when nothing is relevant), and the closest ones otherwise.
     *
     * @param unmatched when nothing is relevant, the question's own words (as written) that weigh and that
     *     no passage found holds, not even as a synonym: at most {@link #MAX_UNMATCHED}, the weightiest first; empty
     *     otherwise
     */
    public record Decision(List<SearchHit> relevant, List<SearchHit> closest, List<String> unmatched) {
        public Decision {
            relevant = List.copyOf(relevant);
            closest = List.copyOf(closest);
            unmatched = List.copyOf(unmatched);
        }

        public Decision(List<SearchHit> relevant, List<SearchHit> closest) {
            this(relevant, closest, List.of());
        }

        public boolean answerable() {
            return !relevant.isEmpty();
        }
    }

    /**
     * What the gate sees of one passage.
     *
     * @param hit the passage
     * @param coverage the share of the question's content words in it, 0 to 1
     * @param inKeywordList whether keyword search found it
     * @param logit the model's decision value, relevant when at least 0 ({@code NaN} without a similarity)
     * @param bySynonym the question's terms (stemmed) the passage holds only a synonym of
     * @param missing the question's terms (stemmed) that weigh and that the passage lacks, even as a synonym
     */
    public record Evidence(
            SearchHit hit,
            double coverage,
            boolean inKeywordList,
            double logit,
            List<String> bySynonym,
            List<String> missing) {
        public Evidence {
            Objects.requireNonNull(hit, "hit");
            bySynonym = List.copyOf(bySynonym);
            missing = List.copyOf(missing);
        }

        public boolean relevant() {
            return Double.isNaN(hit.similarity()) ? inKeywordList : logit >= 0;
        }
    }

    /** The evidence for each hit, in the hits' order; {@code query} is the standalone query that was searched. */
    public List<Evidence> evidence(String query, List<SearchHit> hits) {
        return evidence(asked(query), hits);
    }

    public Decision decide(String query, List<SearchHit> hits) {
        Asked asked = asked(query);
        List<Evidence> evidence = evidence(asked, hits);
        List<SearchHit> relevant =
                evidence.stream().filter(Evidence::relevant).map(Evidence::hit).toList();
        if (!relevant.isEmpty()) {
            return new Decision(relevant, List.of());
        }
        return new Decision(List.of(), hits.stream().limit(closestSources).toList(), unmatched(asked, evidence));
    }

    /** What the gate reads of a question once, for all its passages. */
    private record Asked(
            String query, Set<String> terms, Map<String, Double> weights, Map<String, Set<String>> synonyms) {}

    private Asked asked(String query) {
        Set<String> terms = coverage.terms(query);
        Map<String, Double> weights = coverage.subjectWeights(rarity.weights(terms));
        return new Asked(query, terms, weights, terms.isEmpty() ? Map.of() : coverage.synonyms(query, synonyms));
    }

    private List<Evidence> evidence(Asked asked, List<SearchHit> hits) {
        return hits.stream()
                .map(hit -> {
                    var match =
                            QueryCoverage.match(asked.weights(), asked.synonyms(), passageTerms(hit, asked.terms()));
                    boolean keyword = hit.textRank() > 0;
                    double logit = model.logit(hit.similarity(), match.share(), keyword);
                    return new Evidence(hit, match.share(), keyword, logit, match.bySynonym(), match.missing());
                })
                .toList();
    }

    /** The question's weighing words that every passage lacks, weightiest first, as the question writes them. */
    private List<String> unmatched(Asked asked, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return List.of();
        }
        Set<String> everywhere = new LinkedHashSet<>(evidence.getFirst().missing());
        evidence.forEach(e -> everywhere.retainAll(e.missing()));
        Map<String, String> words = everywhere.isEmpty() ? Map.of() : coverage.words(asked.query());
        return everywhere.stream()
                .sorted(Comparator.comparing((String term) -> asked.weights().get(term))
                        .reversed())
                .map(words::get)
                .filter(Objects::nonNull)
                .limit(MAX_UNMATCHED)
                .toList();
    }

    private Set<String> passageTerms(SearchHit hit, Set<String> queryTerms) {
        if (queryTerms.isEmpty()) {
            return Set.of();
        }
        var chunk = hit.chunk();
        return coverage.terms(chunk.title() + "\n" + nullToEmpty(chunk.breadcrumb()) + "\n" + chunk.text());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
