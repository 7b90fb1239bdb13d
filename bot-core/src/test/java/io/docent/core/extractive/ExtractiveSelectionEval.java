package io.docent.core.extractive;

import io.docent.core.AnswerGenerator.Request;
import io.docent.core.AnswerGenerator.Source;
import io.docent.core.Embedder;
import io.docent.core.onnx.OnnxEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Measures (not a test) how well the extractive answerer picks the answering sentence, with terms alone and with
 * embedding similarity at several weights, on the handbook questions in {@code handbook-questions.txt}: each question
 * comes with three whole pages, the answering one first, second or third, and a phrase the answer must contain.
 *
 * <pre>
 * export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 * mvn -B -q -pl bot-core test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
 * java -cp bot-core/target/classes:bot-core/target/test-classes:$(cat bot-core/target/benchmark.classpath) \
 *     io.docent.core.extractive.ExtractiveSelectionEval
 * </pre>
 */
public final class ExtractiveSelectionEval {

    private static final Pattern MARKER = Pattern.compile(" \\[\\d+]");

    record Case(String question, List<String> pages, String expected) {}

    public static void main(String[] args) throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        List<Case> cases = new ArrayList<>();
        read(pages, cases);
        try (OnnxEmbedder embedder = new OnnxEmbedder()) {
            run("terms only", null, 0, pages, cases);
            for (double weight : new double[] {1.0, 2.0, 4.0, 8.0}) {
                run("terms + similarity x" + weight, embedder, weight, pages, cases);
            }
        }
    }

    private static void run(
            String name, Embedder embedder, double weight, Map<String, String> pages, List<Case> cases) {
        Scorer scorer = new Scorer(embedder, weight);
        var answerer = new ExtractiveGenerator(scorer, ExtractiveGenerator.DEFAULT_MAX_CHARS);
        int top = 0;
        int answered = 0;
        int markers = 0;
        int chars = 0;
        long start = System.nanoTime();
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            List<Source> sources = new ArrayList<>();
            for (String page : c.pages()) {
                sources.add(ExtractiveGeneratorTest.source(sources.size() + 1, page, pages.get(page)));
            }
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                units.addAll(Segmenter.units(i, sources.get(i)));
            }
            double[] scores = scorer.score(c.question(), units).values();
            int best = 0;
            for (int i = 1; i < scores.length; i++) {
                best = scores[i] > scores[best] ? i : best;
            }
            boolean hit = units.get(best).text().contains(c.expected());
            top += hit ? 1 : 0;
            var draft = answerer.generate(new Request(c.question(), c.question(), List.of(), sources));
            boolean answer = draft.grounded() && draft.text().contains(c.expected());
            answered += answer ? 1 : 0;
            markers += (int) MARKER.matcher(draft.text()).results().count();
            chars += draft.text().length();
            if (!answer) {
                misses.add("answer to \"" + c.question() + "\" lacks \"" + c.expected() + "\"");
            }
            if (!hit) {
                misses.add(c.question() + " -> " + units.get(best).text());
            }
        }
        double ms = (System.nanoTime() - start) / 1e6 / cases.size();
        System.out.printf(
                "%-26s best sentence right %2d/%d, answer contains it %2d/%d (%.1f units, %d chars on average),"
                        + " %.0f ms per question (both passes)%n",
                name,
                top,
                cases.size(),
                answered,
                cases.size(),
                (double) markers / cases.size(),
                chars / cases.size(),
                ms);
        misses.forEach(m -> System.out.println("    miss: " + m));
    }

    private static void read(Map<String, String> pages, List<Case> cases) throws IOException {
        String text;
        try (InputStream in = ExtractiveSelectionEval.class.getResourceAsStream("handbook-questions.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String page = null;
        StringBuilder body = new StringBuilder();
        boolean questions = false;
        for (String line : (text + "\n@@ end").split("\n")) {
            if (line.startsWith("@@ ")) {
                if (page != null) {
                    pages.put(page, body.toString().strip());
                }
                page = line.startsWith("@@ page: ") ? line.substring("@@ page: ".length()) : null;
                questions = line.equals("@@ questions");
                body.setLength(0);
            } else if (questions && !line.isBlank()) {
                String[] parts = line.split(" \\| ", 3);
                cases.add(new Case(parts[0], List.of(parts[1].split(",\\s*")), parts[2].strip()));
            } else if (page != null) {
                body.append(line).append('\n');
            }
        }
    }
}
