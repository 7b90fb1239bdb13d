package io.docent.core.extractive;

import io.docent.core.Embedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores how well each unit answers a query.
 *
 * <p>The lexical score is the IDF-weighted share of the query's terms a unit contains (a table row contains its
 * table's header too: "28 days" means nothing without "Annual leave days per year"). IDF is computed over the units of
 * all the sources given, so a term that every sentence repeats (the topic of the page) weighs less than the one term
 * that singles out the answer. A query term in the heading above a unit adds half its weight, whether or not the unit
 * repeats it: the heading says what the section is about ("File a request in the portal" under "# VPN access"), and
 * a sentence in the right section beats the same words elsewhere. A term found only in the document's title or
 * breadcrumb adds a quarter.
 *
 * <p>A unit is a candidate only if its own text or its label shares a term of the question's subject with it
 * ({@link AnswerType#subject}: not merely "days" or "cost", which name the kind of answer): a title alone does not make
 * a sentence an answer, and "the office closes for 3 days" does not answer "how many days of annual leave?".
 * Candidates get a bonus for their source's rank (retrieval already judged the sources), and a bonus when they carry
 * the kind of fact the question asks for (see {@link AnswerType}): a number for "how many", a date for "when". That
 * bonus multiplies the lexical score by {@code 1 + }{@value #TYPE_WEIGHT}: it settles a choice between sentences that
 * share the question's words about equally, and cannot make up for a missing subject term of average weight. It
 * reorders, and does not raise the bar the other units must clear ({@link Scores#untypedBest}).
 *
 * <p>When an {@link Embedder} is given, the {@value #MAX_EMBEDDED} best candidates by the scores above also get how
 * much closer they are to the query than the least similar of them (cosine similarity), which tells apart sentences
 * with the same words but different meaning. Only those few are embedded, in one batch, and their vectors are cached
 * by text ({@link UnitVectors}): embedding every candidate at question time cost about 0.3 CPU-seconds an answer and
 * capped the web chat near 7 questions a second on 2 cores, while a candidate outside the lexical top few almost
 * never wins on meaning alone (docs/benchmarks.md, "Answer quality", has the figures before and after).
 *
 * <p>What similarity is worth, measured by {@code ExtractiveSelectionEval} (30 questions on 10 handbook pages, three
 * whole pages per question; small, hand-made, and the weights were tuned on it). When every candidate was embedded:
 * with terms alone the best-scored unit was the answering one for 19 questions and the answer contained it for 26;
 * with similarity at weight 4, 25 and 30. Now, with the answer type and the subject rule: terms alone 22 and 26; the
 * 8 best embedded at weight 4, 25 and 27 (2026-12-04). On the end-to-end question sets ({@code docent eval --answers},
 * 83 answerable questions) terms alone lose nothing against either, so the embedded default does without the
 * embedder; weight 4 stays for callers that pass one (weight 8 leaves the words of the question, a city, a country,
 * almost no say).
 */
final class Scorer {

    static final double LABEL_WEIGHT = 0.5;
    static final double DOCUMENT_WEIGHT = 0.25;
    static final double RANK_BONUS = 0.15;
    /** Chosen on {@code ExtractiveSelectionEval}: see the class comment. */
    static final double SEMANTIC_WEIGHT = 4.0;
    /** How many of the best candidates by terms are weighed by meaning too. */
    static final int MAX_EMBEDDED = 8;
    /** A modest nudge: enough to choose between two sentences on the subject, not to outweigh a missing term. */
    static final double TYPE_WEIGHT = 0.3;

    private final UnitVectors vectors;
    private final double semanticWeight;
    private final int maxEmbedded;

    /** @param embedder scores the best units by similarity too, or {@code null} for terms alone */
    Scorer(Embedder embedder) {
        this(embedder, SEMANTIC_WEIGHT);
    }

    Scorer(Embedder embedder, double semanticWeight) {
        this(embedder, semanticWeight, MAX_EMBEDDED, UnitVectors.DEFAULT_MAXIMUM_SIZE);
    }

    /**
     * @param maxEmbedded how many of the best candidates by terms to weigh by meaning, at least 1
     * @param cachedVectors how many unit vectors to remember, 0 for none
     */
    Scorer(Embedder embedder, double semanticWeight, int maxEmbedded, long cachedVectors) {
        if (maxEmbedded < 1) {
            throw new IllegalArgumentException("maxEmbedded must be >= 1, was " + maxEmbedded);
        }
        this.vectors = embedder == null ? null : new UnitVectors(embedder, cachedVectors);
        this.semanticWeight = semanticWeight;
        this.maxEmbedded = maxEmbedded;
    }

    /**
     * How well each unit answers a query.
     *
     * @param values one score per unit, in order; 0 for units that are not candidates, above 0 for the others
     * @param untypedBest the best score the units would have without the answer-type bonus: the answerer keeps units
     *     scoring a share of this, so that preferring the unit of the asked type reorders the answer and never pushes
     *     out a sentence that would have been quoted without it ("and for contractors?" after "how many days...")
     */
    record Scores(double[] values, double untypedBest) {}

    /** Scores the units against the query; no unit is a candidate when the query has no meaningful term. */
    Scores score(String query, List<Unit> units) {
        Terms terms = new Terms();
        Set<String> wanted = terms.of(query);
        double[] scores = new double[units.size()];
        double[] typeBonus = new double[units.size()];
        if (wanted.isEmpty()) {
            return new Scores(scores, 0);
        }
        AnswerType type = AnswerType.of(query);
        Set<String> subject = AnswerType.subject(wanted);
        List<Set<String>> own = new ArrayList<>();
        for (Unit u : units) {
            own.add(terms.of(u.text() + " " + u.header()));
        }
        Map<String, Double> idf = idf(wanted, own);
        double total = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            Set<String> label = terms.of(u.label());
            Set<String> document = terms.of(u.document());
            double lexical = 0;
            boolean candidate = false;
            for (String t : wanted) {
                boolean inOwn = own.get(i).contains(t);
                boolean inLabel = label.contains(t);
                lexical += (inOwn ? idf.get(t) : 0) + (inLabel ? LABEL_WEIGHT * idf.get(t) : 0);
                if (!inOwn && !inLabel && document.contains(t)) {
                    lexical += DOCUMENT_WEIGHT * idf.get(t);
                }
                candidate |= (inOwn || inLabel) && subject.contains(t);
            }
            // A unit that says nothing the question does not already say is no answer: the bare title of a child
            // page in a section page's list ("VPN Access") matches every term and tells the reader nothing. A unit
            // that leads in ("To get VPN access:") stays, for the steps it brings.
            if (candidate && (u.leadsIn() || !wanted.containsAll(own.get(i)))) {
                boolean typed = type.carriedBy(u.text() + " " + u.header());
                scores[i] = lexical / total + RANK_BONUS / (u.source() + 1);
                typeBonus[i] = typed ? TYPE_WEIGHT * lexical / total : 0;
                candidates.add(i);
            }
        }
        if (vectors != null && candidates.size() > 1) {
            addSimilarity(query, units, best(candidates, sum(scores, typeBonus)), scores);
        }
        double untypedBest = Arrays.stream(scores).max().orElse(0);
        return new Scores(sum(scores, typeBonus), untypedBest);
    }

    private static double[] sum(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    /** The {@link #maxEmbedded} best candidates; ties go to the earlier unit. */
    private List<Integer> best(List<Integer> candidates, double[] scores) {
        return candidates.stream()
                .sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : a.compareTo(b))
                .limit(maxEmbedded)
                .toList();
    }

    /** ln(1 + N / (df + 1)) over the units' own text: always positive, highest for terms no unit repeats. */
    private static Map<String, Double> idf(Set<String> wanted, List<Set<String>> own) {
        Map<String, Double> idf = new HashMap<>();
        for (String t : wanted) {
            long df = own.stream().filter(s -> s.contains(t)).count();
            idf.put(t, Math.log(1 + (double) own.size() / (df + 1)));
        }
        return idf;
    }

    private void addSimilarity(String query, List<Unit> units, List<Integer> candidates, double[] scores) {
        float[] q = vectors.query(query);
        List<String> texts = new ArrayList<>();
        for (int i : candidates) {
            Unit u = units.get(i);
            texts.add(u.header().isEmpty() ? u.text() : u.header() + "\n" + u.text());
        }
        List<float[]> embedded = vectors.passages(texts);
        double[] similarity = new double[candidates.size()];
        for (int k = 0; k < candidates.size(); k++) {
            similarity[k] = dot(q, embedded.get(k));
        }
        // Only the differences count: bge puts any two English sentences at 0.4 or more, and that common part would
        // swamp the lexical score and make the answerer's "a share of the best" cut-off meaningless.
        double lowest = Arrays.stream(similarity).min().orElseThrow();
        for (int k = 0; k < candidates.size(); k++) {
            scores[candidates.get(k)] += semanticWeight * (similarity[k] - lowest);
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
