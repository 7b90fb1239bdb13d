package io.docent.core.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures (not a test) the bundled embedder: passage throughput on realistic chunks and uncached query latency.
 *
 * <p>Passages are cut from the SciFact corpus (read in place, never copied): its abstracts run together, cut into
 * pieces of 300 to 400 words like the indexer's chunks. Queries are SciFact's claims, each embedded once, so nothing
 * is cached. Arguments: {@code [corpus dir] [passages] [threads]}, defaulting to
 * {@code /work/shared/data/eval/scifact-train 2000} and the available processors.
 *
 * <pre>
 * export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 * mvn -B -q -pl bot-core test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
 * java -cp bot-core/target/classes:bot-core/target/test-classes:$(cat bot-core/target/benchmark.classpath) \
 *     io.docent.core.onnx.OnnxEmbedderBenchmark [corpus dir] [passages] [threads]
 * </pre>
 */
public final class OnnxEmbedderBenchmark {

    private static final int BATCH = 64; // what an indexer hands over at a time
    private static final int QUERIES = 300;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/data/eval/scifact-train");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int threads = args.length > 2
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        List<String> passages = passages(dir.resolve("corpus.jsonl"), count);
        List<String> queries = queries(dir.resolve("queries.jsonl"));
        System.out.printf(
                "%d processors, load average %.2f before the run, %d ONNX Runtime threads%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                threads);

        long loadStart = System.nanoTime();
        try (OnnxEmbedder embedder = new OnnxEmbedder(threads);
                TokenWindows windows = new TokenWindows(tokenizerJson())) {
            System.out.printf("model loaded in %.0f ms%n", (System.nanoTime() - loadStart) / 1e6);
            describe(passages, windows);
            embedder.embedPassages(passages.subList(0, 20)); // warm-up
            for (int i = 0; i < 20; i++) {
                embedder.embedQuery("warm-up question " + i);
            }

            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (int from = 0; from < passages.size(); from += BATCH) {
                embedder.embedPassages(passages.subList(from, Math.min(passages.size(), from + BATCH)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // Cores busy tells whether the run had the machine to itself: on a shared machine it drops below threads.
            System.out.printf(
                    "passages: %d in %.1f s = %.1f passages/s (%.1f ms each), %.2f cores busy, load average %.2f%n",
                    passages.size(),
                    seconds,
                    passages.size() / seconds,
                    seconds * 1000 / passages.size(),
                    (os.getProcessCpuTime() - cpuStart) / 1e9 / seconds,
                    os.getSystemLoadAverage());

            double[] latencies = new double[Math.min(QUERIES, queries.size())];
            for (int i = 0; i < latencies.length; i++) {
                long t = System.nanoTime();
                embedder.embedQuery(queries.get(i));
                latencies[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(latencies);
            System.out.printf(
                    "queries: %d uncached, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    latencies.length,
                    latencies[latencies.length / 2],
                    latencies[(int) Math.ceil(latencies.length * 0.99) - 1],
                    latencies[latencies.length - 1]);
        }
    }

    private static void describe(List<String> passages, TokenWindows windows) {
        long words = 0;
        long tokens = 0;
        int split = 0;
        for (String p : passages) {
            words += p.split("\\s+").length;
            List<TokenWindows.Window> w = windows.split(p);
            tokens += w.stream().mapToInt(TokenWindows.Window::tokens).sum();
            split += w.size() > 1 ? 1 : 0;
        }
        System.out.printf(
                "%d passages, %d words and %d word pieces on average, %d (%.0f%%) longer than one window%n",
                passages.size(),
                words / passages.size(),
                tokens / passages.size(),
                split,
                100.0 * split / passages.size());
    }

    /** Consecutive abstracts run together and cut into pieces of 300-400 words (seeded, so every run is the same). */
    private static List<String> passages(Path corpus, int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(42);
        List<String> passages = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int target = 300 + random.nextInt(101);
        try (BufferedReader in = Files.newBufferedReader(corpus)) {
            for (String line = in.readLine(); line != null && passages.size() < count; line = in.readLine()) {
                JsonNode doc = json.readTree(line);
                words.addAll(List.of(
                        (doc.path("title").asText() + ". " + doc.path("text").asText()).split("\\s+")));
                while (words.size() >= target && passages.size() < count) {
                    passages.add(String.join(" ", words.subList(0, target)));
                    words = new ArrayList<>(words.subList(target, words.size()));
                    target = 300 + random.nextInt(101);
                }
            }
        }
        if (passages.size() < count) {
            throw new IllegalStateException("the corpus gives only " + passages.size() + " passages");
        }
        return passages;
    }

    private static List<String> queries(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            queries.add(json.readTree(line).path("text").asText());
        }
        return queries;
    }

    private static byte[] tokenizerJson() throws IOException {
        try (var in = OnnxEmbedder.class.getClassLoader().getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json")) {
            return in.readAllBytes();
        }
    }
}
