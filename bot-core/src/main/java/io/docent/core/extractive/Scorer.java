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
 * <p>A unit is a candidate only if its own text or its label shares a term with the query; a title alone does not
 * make a sentence an answer. Candidates get a bonus for their source's rank (retrieval already judged the sources),
 * and, when an {@link Embedder} is given, how much closer the unit is to the query than the least similar candidate
 * (cosine similarity), which tells apart sentences with the same words but different meaning.
 *
 * <p>What similarity is worth, measured by {@code ExtractiveSelectionEval} (30 questions on 10 handbook pages, three
 * whole pages per question; small, hand-made, and the weights were tuned on it): with terms alone the best-scored
 * unit is the answering one for 19 questions and the answer contains it for 26; with similarity at weight 4, 25 and
 * 30, for about 150 ms more per answer on 2 idle cores, several times that on busy ones (every candidate is
 * embedded). Weight 8 picked 27 best units but
 * leaves the words of the question (a city, a country) almost no say, so 4 it is.
 */
final class Scorer {

    static final double LABEL_WEIGHT = 0.5;
    static final double DOCUMENT_WEIGHT = 0.25;
    static final double RANK_BONUS = 0.15;
    /** Chosen on {@code ExtractiveSelectionEval}: see the class comment. */
    static final double SEMANTIC_WEIGHT = 4.0;

    private final Embedder embedder;
    private final double semanticWeight;

    /** @param embedder scores units by similarity too, or {@code null} for terms alone */
    Scorer(Embedder embedder) {
        this(embedder, SEMANTIC_WEIGHT);
    }

    Scorer(Embedder embedder, double semanticWeight) {
        this.embedder = embedder;
        this.semanticWeight = semanticWeight;
    }

    /** One score per unit, in order; 0 for units that are not candidates, above 0 for the others. */
    double[] score(String query, List<Unit> units) {
        Terms terms = new Terms();
        Set<String> wanted = terms.of(query);
        double[] scores = new double[units.size()];
        if (wanted.isEmpty()) {
            return scores;
        }
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
                candidate |= inOwn || inLabel;
            }
            // A unit that says nothing the question does not already say is no answer: the bare title of a child
            // page in a section page's list ("VPN Access") matches every term and tells the reader nothing. A unit
            // that leads in ("To get VPN access:") stays, for the steps it brings.
            if (candidate && (u.leadsIn() || !wanted.containsAll(own.get(i)))) {
                scores[i] = lexical / total + RANK_BONUS / (u.source() + 1);
                candidates.add(i);
            }
        }
        if (embedder != null && !candidates.isEmpty()) {
            addSimilarity(query, units, candidates, scores);
        }
        return scores;
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
        float[] q = embedder.embedQuery(query);
        List<String> texts = new ArrayList<>();
        for (int i : candidates) {
            Unit u = units.get(i);
            texts.add(u.header().isEmpty() ? u.text() : u.header() + "\n" + u.text());
        }
        List<float[]> vectors = embedder.embedPassages(texts);
        double[] similarity = new double[candidates.size()];
        for (int k = 0; k < candidates.size(); k++) {
            similarity[k] = dot(q, vectors.get(k));
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
