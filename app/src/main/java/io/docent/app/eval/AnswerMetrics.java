package io.docent.app.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.app.eval.AnswerEvaluator.Result;
import io.docent.app.eval.AnswerSet.Kind;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The shares that say how good a set's answers are, each with a 95% Wilson score interval (a share of 40 questions
 * moves by 0.025 a question: the interval keeps a difference of one or two questions from being read as a win).
 *
 * <ul>
 *   <li>cited: answerable questions (with expected documents) whose answer cites one of them;
 *   <li>cited first: ... whose first citation is one of them;
 *   <li>fact: answerable questions (with expected facts) whose answer contains one;
 *   <li>right page: questions that expect a page, whose citation of the document names it;
 *   <li>honest refusals: unanswerable questions answered "not found";
 *   <li>wrongly not found: answerable questions answered "not found";
 *   <li>failed: answers that failed (an error, or busy), counted in no other share's favour;
 *   <li>raw markup: answers that show source markup a reader should never see: template tags ({@code {% %}}, {@code
 *       {{ }}}), HTML tags or attributes, front matter keys.
 * </ul>
 */
public record AnswerMetrics(String set, Map<String, Share> shares, int questions, double p50Millis, double p99Millis) {

    private static final Pattern MARKUP = Pattern.compile(
            "\\{%|%}|\\{\\{|}}|</?(?:td|tr|th|table|div|span|p|br|details|summary)\\b|\\bclass=\"|^(?:title|permalink|layout):",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    /** {@code hits} of {@code n}, with its 95% Wilson interval. */
    public record Share(int hits, int n) {
        public double value() {
            return n == 0 ? Double.NaN : (double) hits / n;
        }

        public double low() {
            return wilson(-1);
        }

        public double high() {
            return wilson(1);
        }

        private double wilson(int sign) {
            if (n == 0) {
                return Double.NaN;
            }
            double z = 1.959964;
            double p = value();
            double centre = p + z * z / (2 * n);
            double spread = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
            return Math.min(1, Math.max(0, (centre + sign * spread) / (1 + z * z / n)));
        }
    }

    public static AnswerMetrics of(String set, List<Result> results) {
        Map<String, Share> shares = new LinkedHashMap<>();
        Predicate<Result> answerable = r -> r.item().kind().answerable();
        Predicate<Result> withDocs = answerable.and(r -> !r.item().expectDocs().isEmpty());
        Predicate<Result> withFacts = answerable.and(r -> !r.item().facts().isEmpty());
        shares.put("cited", share(results, withDocs, Result::cited));
        shares.put("cited_first", share(results, withDocs, Result::citedFirst));
        shares.put("fact", share(results, withFacts, Result::factFound));
        shares.put("right_page", share(results, r -> r.rightPage() != null, r -> r.rightPage()));
        shares.put("honest_refusals", share(results, r -> r.item().kind() == Kind.UNANSWERABLE, Result::notFound));
        shares.put("wrongly_not_found", share(results, answerable, Result::notFound));
        shares.put("failed", share(results, r -> true, Result::failed));
        shares.put("raw_markup", share(results, r -> !r.notFound() && !r.failed(), r -> MARKUP.matcher(
                        r.answer().text())
                .find()));
        for (Kind kind : List.of(Kind.ANSWERABLE, Kind.FOLLOWUP)) {
            Predicate<Result> ofKind = r -> r.item().kind() == kind;
            shares.put(kind.label() + ".cited", share(results, withDocs.and(ofKind), Result::cited));
            shares.put(kind.label() + ".fact", share(results, withFacts.and(ofKind), Result::factFound));
            shares.put(kind.label() + ".wrongly_not_found", share(results, ofKind, Result::notFound));
        }
        double[] millis =
                results.stream().mapToDouble(r -> r.nanos() / 1e6).sorted().toArray();
        return new AnswerMetrics(set, shares, results.size(), percentile(millis, 50), percentile(millis, 99));
    }

    private static Share share(List<Result> results, Predicate<Result> counted, Predicate<Result> hit) {
        List<Result> of = results.stream().filter(counted).toList();
        return new Share((int) of.stream().filter(hit).count(), of.size());
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    public void printText(PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %d questions%n", set, questions);
        out.printf(Locale.ROOT, "%-34s %7s %9s   %s%n", "measure", "share", "n", "95% interval");
        shares.forEach((name, s) -> {
            if (s.n() > 0) {
                out.printf(
                        Locale.ROOT,
                        "%-34s %7.3f %4d/%-4d   [%.3f, %.3f]%n",
                        name,
                        s.value(),
                        s.hits(),
                        s.n(),
                        s.low(),
                        s.high());
            }
        });
        out.printf(Locale.ROOT, "%-34s %7.0f ms (p99 %.0f ms)%n", "latency p50", p50Millis, p99Millis);
        out.flush();
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("set", set);
        root.put("questions", questions);
        ObjectNode all = root.putObject("shares");
        shares.forEach((name, s) -> {
            ObjectNode node = all.putObject(name);
            node.put("hits", s.hits());
            node.put("n", s.n());
            if (s.n() > 0) {
                node.put("share", s.value());
                node.putArray("ci95").add(s.low()).add(s.high());
            }
        });
        root.putObject("latency_ms").put("p50", p50Millis).put("p99", p99Millis);
        return root;
    }

    @Override
    public String toString() {
        return set + " " + shares + " " + Arrays.toString(new double[] {p50Millis, p99Millis});
    }
}
