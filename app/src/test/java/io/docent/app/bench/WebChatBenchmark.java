package io.docent.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.app.serve.DocentServer;
import io.docent.app.web.SampleStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Web chat questions per second on the embedded default (Lucene, the bundled bge-small model, the extractive
 * answerer) over the sample "Northwind Labs" handbook: N users each post {@code /api/chat} back to back for a fixed
 * time, through the JDK HTTP client, to {@code docent serve}'s HTTP server with the web chat, all in one JVM. Not a
 * test: run by hand (see docs/benchmarks.md).
 *
 * <p>Arguments: the user counts (default 1 2 4 8). Properties: {@code bench.seconds} per level (default 20), {@code
 * bench.warmup} seconds with 4 users first (default 10), {@code bench.distinct} (default true): the query-embedding
 * cache is turned off ({@code DOCENT_QUERY_CACHE_SIZE=0}) so that every question's embedding is computed, as for
 * questions never asked before; false keeps the cache, i.e. hits after the first round of the same 20 questions. (The
 * questions are never altered: a suffix such as "(ref 12)" would add words that are on no page, and the relevance
 * gate, which weighs a question's words by their rarity, would rightly refuse many of them.)
 */
public final class WebChatBenchmark {

    static final List<String> QUESTIONS = List.of(
            "How many days of annual leave do employees get?",
            "How do I get VPN access?",
            "What is the policy for sick leave?",
            "How long is parental leave?",
            "Can I work remotely from abroad?",
            "How do I book a meeting room?",
            "What is the learning budget per year?",
            "How do I report a security incident?",
            "What are the password requirements?",
            "How do I request a software license?",
            "Who do I call when I am on call and production is down?",
            "How do I deploy to production?",
            "What is the git branching model?",
            "How do I submit an expense?",
            "When are payslips available?",
            "How do I connect a guest to the office Wi-Fi?",
            "What happens to my laptop when I leave the company?",
            "How are performance reviews done?",
            "Where do we store secrets?",
            "How do I print in the office?");

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int[] levels = args.length == 0
                ? new int[] {1, 2, 4, 8}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 10);
        boolean distinct = Boolean.parseBoolean(System.getProperty("bench.distinct", "true"));

        long opening = System.nanoTime();
        SampleStack.shared(distinct ? Map.of("DOCENT_QUERY_CACHE_SIZE", "0") : Map.of());
        System.out.printf(
                Locale.ROOT, "stack: sample handbook indexed in %.1f s%n", (System.nanoTime() - opening) / 1e9);
        try (DocentServer server = SampleStack.serveWebChat()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/chat");
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            run(client, uri, 4, warmup, distinct, "warm-up");
            System.out.printf(
                    Locale.ROOT,
                    "%s questions, %d s per level%n",
                    distinct ? "distinct (embedding computed each time)" : "20 repeated (embedding cache hits)",
                    seconds);
            System.out.println("| users | questions | q/s | p50 ms | p90 ms | p99 ms | max ms | CPU ms/question |"
                    + " mean stage ms | statuses | loadavg before -> after |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (int users : levels) {
                run(client, uri, users, seconds, distinct, null);
            }
        }
        System.exit(0); // the shared stack closes in its shutdown hook
    }

    private static void run(HttpClient client, URI uri, int users, int seconds, boolean distinct, String label)
            throws Exception {
        String before = loadavg();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        var latencies = new ArrayList<long[]>();
        var statuses = new ConcurrentHashMap<String, LongAdder>();
        var stageMillis = new ConcurrentHashMap<String, java.util.concurrent.atomic.DoubleAdder>();
        long cpuBefore = processCpuNanos();
        var counter = new AtomicLong();
        var failures = new ArrayList<Throwable>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int u = 0; u < users; u++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            int user = u;
            threads.add(Thread.ofPlatform().name("user-" + u).start(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < deadline && n < mine.length - 1) {
                        long k = counter.getAndIncrement();
                        String q = QUESTIONS.get((int) ((k + user) % QUESTIONS.size()));
                        String body = JSON.writeValueAsString(Map.of("question", q));
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = client.send(
                                HttpRequest.newBuilder(uri)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - t0;
                        String status = "HTTP " + response.statusCode();
                        if (response.statusCode() == 200) {
                            var answer = JSON.readTree(response.body());
                            status = answer.path("status").asText();
                            answer.path("timings").properties().forEach(e -> stageMillis
                                    .computeIfAbsent(e.getKey(), stage -> new java.util.concurrent.atomic.DoubleAdder())
                                    .add(e.getValue().asDouble()));
                        }
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        mine[++n] = took;
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
                mine[0] = n;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a user failed", failures.get(0));
        }
        long[] all = latencies.stream()
                .flatMapToLong(a -> Arrays.stream(a, 1, (int) a[0] + 1))
                .sorted()
                .toArray();
        var counts = new TreeMap<String, Long>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        if (label != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d users, %d questions, %.1f q/s, %s%n",
                    label,
                    users,
                    all.length,
                    all.length / elapsed,
                    counts);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "| %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %s | %s | %s -> %s |%n",
                users,
                all.length,
                all.length / elapsed,
                pct(all, 50),
                pct(all, 90),
                pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                all.length == 0 ? 0 : cpuSeconds * 1000 / all.length,
                stages(stageMillis, all.length),
                counts,
                before,
                loadavg());
    }

    /** The JVM's CPU time (all threads: client, server, stack), so that other work on the machine does not count. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String stages(Map<String, java.util.concurrent.atomic.DoubleAdder> millis, int answers) {
        var out = new StringBuilder();
        millis.entrySet().stream()
                .filter(e -> answers > 0 && e.getValue().sum() / answers >= 0.5)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(out.isEmpty() ? "" : ", ")
                        .append(e.getKey())
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.0f", e.getValue().sum() / answers)));
        return out.toString();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String loadavg() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
