package io.docent.app.eval;

import io.docent.core.pipeline.GateModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Fits the relevance gate's rule ({@link GateModel}) on question sets with unanswerable questions, and says how well
 * the rule holds on a set it was not fitted on.
 *
 * <p>Two steps. First, a logistic regression over passages: positives are the passages of an answerable question
 * that come from a document the question expects, negatives every passage retrieved for an unanswerable question
 * (the other passages of answerable questions carry no label and are left out). Second, the decision is made per
 * question, as the gate makes it (answerable when its best passage passes), so the threshold is moved along the
 * fitted direction to the point that refuses the most unanswerable questions while wrongly refusing at most
 * {@code maxWronglyNotFound} of the answerable ones in the fitting data. Cross-validation leaves one question set out
 * at a time: the rule is fitted on the others and measured on it, so a rule that only works on the set it saw shows.
 * Three features and a light L2 penalty leave little room to over-fit a hundred questions.
 */
public final class GateFit {

    /** One retrieved passage as the gate sees it, and whether it comes from an expected document. */
    public record Passage(double similarity, double coverage, boolean keyword, boolean expected) {}

    /** One question of a set with the passages retrieved for it. */
    public record Question(String set, String id, boolean answerable, List<Passage> passages) {
        public Question {
            Objects.requireNonNull(set, "set");
            passages = List.copyOf(passages);
        }
    }

    /** How a rule decides one set's questions. */
    public record Outcome(String set, int answerable, int wronglyNotFound, int unanswerable, int refused) {
        public double wronglyNotFoundShare() {
            return answerable == 0 ? 0 : (double) wronglyNotFound / answerable;
        }

        public double refusedShare() {
            return unanswerable == 0 ? 0 : (double) refused / unanswerable;
        }
    }

    private static final double L2 = 1e-2;

    private final double maxWronglyNotFound;

    public GateFit(double maxWronglyNotFound) {
        if (!(maxWronglyNotFound >= 0 && maxWronglyNotFound < 1)) {
            throw new IllegalArgumentException("maxWronglyNotFound must be in [0, 1), got " + maxWronglyNotFound);
        }
        this.maxWronglyNotFound = maxWronglyNotFound;
    }

    /** The rule fitted on all these questions. */
    public GateModel fit(String model, List<Question> questions) {
        double[] w = logistic(questions);
        if (w[1] <= 0) {
            throw new IllegalStateException("the fitted similarity weight is not positive (" + w[1]
                    + "): the question sets do not separate answerable from unanswerable questions");
        }
        GateModel direction = new GateModel(model, 0, w[1], w[2], w[3]);
        double bias = threshold(direction, questions);
        return new GateModel(model, bias, w[1], w[2], w[3]);
    }

    /** Leave-one-set-out: for each set, the rule fitted on the other sets, measured on it. */
    public Map<String, Outcome> crossValidate(String model, List<Question> questions) {
        var sets = new TreeSet<String>();
        questions.forEach(q -> sets.add(q.set()));
        if (sets.size() < 2) {
            throw new IllegalArgumentException("cross-validation needs at least two question sets, got " + sets);
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String held : sets) {
            List<Question> train =
                    questions.stream().filter(q -> !q.set().equals(held)).toList();
            List<Question> test =
                    questions.stream().filter(q -> q.set().equals(held)).toList();
            outcomes.put(held, outcome(held, fit(model, train), test));
        }
        return outcomes;
    }

    /** How {@code rule} decides {@code questions}. */
    public static Outcome outcome(String set, GateModel rule, List<Question> questions) {
        int answerable = 0, wrong = 0, unanswerable = 0, refused = 0;
        for (Question q : questions) {
            boolean passes = best(rule, q) >= 0;
            if (q.answerable()) {
                answerable++;
                wrong += passes ? 0 : 1;
            } else {
                unanswerable++;
                refused += passes ? 0 : 1;
            }
        }
        return new Outcome(set, answerable, wrong, unanswerable, refused);
    }

    private static double best(GateModel rule, Question q) {
        return q.passages().stream()
                .filter(p -> !Double.isNaN(p.similarity()))
                .mapToDouble(p -> rule.logit(p.similarity(), p.coverage(), p.keyword()))
                .max()
                .orElse(Double.NEGATIVE_INFINITY);
    }

    /**
     * The bias that refuses the most unanswerable questions while wrongly refusing at most the allowed share of
     * answerable ones. Every threshold between two neighbouring best-scores decides the same, so among the thresholds
     * that refuse the most, the one in the middle of their interval is taken: the widest margin on both sides for
     * questions the fit has not seen.
     */
    private double threshold(GateModel direction, List<Question> questions) {
        List<Double> answerable = new ArrayList<>();
        List<Double> unanswerable = new ArrayList<>();
        for (Question q : questions) {
            double best = best(direction, q);
            if (best != Double.NEGATIVE_INFINITY) {
                (q.answerable() ? answerable : unanswerable).add(best);
            }
        }
        if (answerable.isEmpty()) {
            throw new IllegalArgumentException("the question sets have no answerable question with a passage");
        }
        int mayMiss = (int) Math.floor(maxWronglyNotFound * answerable.size());
        var cuts = new TreeSet<Double>(answerable);
        cuts.addAll(unanswerable);
        List<Double> sorted = new ArrayList<>(cuts);
        // A threshold t passes scores >= t; try t just above each score, and below the lowest.
        double bestLo = Double.NaN, bestHi = Double.NaN;
        int bestRefused = -1;
        for (int i = -1; i < sorted.size(); i++) {
            double lo = i < 0 ? sorted.get(0) - 1 : sorted.get(i);
            double hi = i + 1 < sorted.size() ? sorted.get(i + 1) : lo + 1;
            double t = (lo + hi) / 2;
            long wrong = answerable.stream().filter(v -> v < t).count();
            if (wrong > mayMiss) {
                break;
            }
            int refused = (int) unanswerable.stream().filter(v -> v < t).count();
            if (refused > bestRefused) {
                bestRefused = refused;
                bestLo = lo;
                bestHi = hi;
            } else if (refused == bestRefused) {
                bestHi = hi;
            }
        }
        return -(bestLo + bestHi) / 2;
    }

    /** Weights {bias, similarity, coverage, keyword} by Newton's method (IRLS) on the labelled passages. */
    private static double[] logistic(List<Question> questions) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (Question q : questions) {
            for (Passage p : q.passages()) {
                if (Double.isNaN(p.similarity()) || (q.answerable() && !p.expected())) {
                    continue;
                }
                x.add(new double[] {1, p.similarity(), p.coverage(), p.keyword() ? 1 : 0});
                y.add(q.answerable() ? 1 : 0);
            }
        }
        if (!y.contains(0) || !y.contains(1)) {
            throw new IllegalArgumentException(
                    "fitting the gate needs answerable questions whose expected documents were retrieved and"
                            + " unanswerable questions");
        }
        // Classes weighted to equal total weight: the per-question threshold is set afterwards anyway, and this keeps
        // the direction from being pulled by whichever class has more passages.
        double positives = y.stream().filter(v -> v == 1).count();
        double negatives = y.size() - positives;
        double[] w = new double[4];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[4];
            double[][] hessian = new double[4][4];
            for (int i = 0; i < x.size(); i++) {
                double[] xi = x.get(i);
                double weight = y.get(i) == 1 ? x.size() / (2 * positives) : x.size() / (2 * negatives);
                double p = sigmoid(dot(w, xi));
                for (int a = 0; a < 4; a++) {
                    gradient[a] += weight * (p - y.get(i)) * xi[a];
                    for (int b = 0; b < 4; b++) {
                        hessian[a][b] += weight * p * (1 - p) * xi[a] * xi[b];
                    }
                }
            }
            for (int a = 1; a < 4; a++) { // the bias is not penalised
                gradient[a] += L2 * x.size() * w[a];
                hessian[a][a] += L2 * x.size();
            }
            hessian[0][0] += 1e-9;
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int a = 0; a < 4; a++) {
                w[a] -= step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-9) {
                break;
            }
        }
        return w;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting; the matrix is small, symmetric and positive definite. */
    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n] = v[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * out[k];
            }
            out[r] = s / a[r][r];
        }
        return out;
    }
}
