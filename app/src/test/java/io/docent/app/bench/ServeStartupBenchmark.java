package io.docent.app.bench;

import com.sun.net.httpserver.HttpServer;
import io.docent.core.Chunk;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Start to ready of {@code docent serve} on the embedded default with a 50,000-chunk index, and its resident memory
 * after a few questions (issue 7's targets: at most 5 s, at most 1 GB). Not a test.
 *
 * <p>The index is generated once: synthetic passages (words drawn from a fixed vocabulary, seeded) with random unit
 * vectors of bge-small's dimension, recorded as built with the bundled model, so the real stack opens it as its
 * own. Embedding 50,000 chunks with the ONNX model would take about 40 minutes on 2 cores and would not change how
 * long opening takes. Each round starts the built jar as a child JVM ({@code java ... -jar app/target/docent.jar
 * serve}, the options {@code ./docent} uses), polls {@code /readyz} every 10 ms from the moment the process is
 * started, then asks questions over Teams's {@code /api/messages} (insecure local, replies to a local connector),
 * reads {@code VmRSS} and {@code VmHWM} from {@code /proc/PID/status}, and stops it with SIGTERM.
 *
 * <p>Usage: {@code ServeStartupBenchmark WORK_DIR [CHUNKS] [ROUNDS] [QUESTIONS]}; the jar must be built.
 */
public final class ServeStartupBenchmark {

    private static final String[] WORDS = ("vpn access leave policy expense claim laptop security badge office parking"
                    + " payroll holiday remote work travel booking invoice approval manager onboarding account"
                    + " password reset wifi printer meeting room calendar benefits pension health insurance"
                    + " training budget conference review release deploy incident escalation support ticket"
                    + " data classification retention backup encryption device phone contract vendor")
            .split(" ");
    private static final List<String> QUESTIONS = List.of(
            "How do I get VPN access?",
            "How do I reset my password?",
            "Who approves an expense claim?",
            "What is the parental leave policy?",
            "How do I book a meeting room?");

    private ServeStartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/ops-serve-bench");
        int chunks = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int questions = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path home = work.resolve("home");
        Path jar = Path.of("app/target/docent.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -B -q -pl app -am package -DskipTests");
        }
        if (!LuceneSearchIndex.hasChunks(home.resolve("index"))) {
            generate(home.resolve("index"), chunks);
        }
        System.out.println("load average before: "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        for (int round = 1; round <= rounds; round++) {
            run(round, jar, home, questions);
        }
        System.out.println("load average after: "
                + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static void generate(Path dir, int chunks) {
        long start = System.nanoTime();
        var random = new Random(42);
        int perDocument = 10;
        try (var index = LuceneSearchIndex.builder(dir)
                .embeddingModel(OnnxEmbedder.MODEL_NAME, OnnxEmbedder.DIMENSION)
                .open()) {
            for (int d = 0; d < chunks / perDocument; d++) {
                String documentId = "doc-" + d;
                List<Chunk> list = new ArrayList<>();
                for (int c = 0; c < perDocument; c++) {
                    StringBuilder text = new StringBuilder();
                    for (int w = 0; w < 120; w++) {
                        text.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
                    }
                    list.add(new Chunk(
                            documentId + "#" + c,
                            documentId,
                            "synthetic",
                            "BENCH",
                            "Synthetic page " + d,
                            "https://wiki.example/pages/" + d,
                            "Bench / Page " + d,
                            text.toString(),
                            c,
                            "hash-" + d,
                            Instant.EPOCH,
                            Set.of(),
                            unitVector(random, OnnxEmbedder.DIMENSION)));
                }
                index.replaceDocument(documentId, list);
            }
            index.commit();
        }
        System.out.printf(
                "generated %d chunks (random unit vectors, recorded as %s) in %d s%n",
                chunks, OnnxEmbedder.MODEL_NAME, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    private static float[] unitVector(Random random, int dimension) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static void run(int round, Path jar, Path home, int questions) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var replies = new ConcurrentHashMap<String, Boolean>();
        HttpServer connector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        connector.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        connector.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (body.contains("\"type\":\"message\"")) {
                    replies.put(exchange.getRequestURI().getPath().split("/")[3], true);
                }
                byte[] ok = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        connector.start();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                        java,
                        "-Xmx2g",
                        "--add-modules",
                        "jdk.incubator.vector",
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar.toString(),
                        "serve")
                .redirectErrorStream(true)
                .redirectOutput(home.resolveSibling("serve-" + round + ".log").toFile());
        builder.environment().put("DOCENT_HOME", home.toString());
        builder.environment().put("DOCENT_PORT", Integer.toString(port));
        builder.environment().put("DOCENT_BIND", "127.0.0.1");
        builder.environment().put("DOCENT_TEAMS_INSECURE_LOCAL", "true");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long readyNanos = awaitReady(http, port, process, start);
            long asked = System.nanoTime();
            String serviceUrl = "http://127.0.0.1:" + connector.getAddress().getPort() + "/";
            for (int i = 0; i < questions; i++) {
                post(http, port, serviceUrl, "a:bench-" + round + "-" + i, QUESTIONS.get(i % QUESTIONS.size()), i);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (replies.size() < questions && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long answeredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            String status = Files.readString(Path.of("/proc/" + process.pid() + "/status"));
            long stopStart = System.nanoTime();
            process.destroy(); // SIGTERM
            boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
            System.out.printf(
                    "round %d: start to /readyz 200: %d ms; %d/%d questions answered in %d ms; VmRSS %s; VmHWM %s;"
                            + " SIGTERM to exit: %d ms (exit %s)%n",
                    round,
                    TimeUnit.NANOSECONDS.toMillis(readyNanos),
                    replies.size(),
                    questions,
                    answeredMs,
                    field(status, "VmRSS"),
                    field(status, "VmHWM"),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStart),
                    stopped ? Integer.toString(process.exitValue()) : "still running");
        } finally {
            process.destroyForcibly();
            connector.stop(0);
        }
    }

    private static long awaitReady(HttpClient http, int port, Process process, long start) throws Exception {
        URI readyz = URI.create("http://127.0.0.1:" + port + "/readyz");
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docent serve exited with " + process.exitValue());
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(readyz)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return System.nanoTime() - start;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not ready within 120 s");
    }

    private static void post(HttpClient http, int port, String serviceUrl, String conversation, String text, int i)
            throws Exception {
        String body = """
                {"type":"message","id":"17410800%05d","timestamp":"2025-03-04T09:15:30Z","serviceUrl":"%s",
                 "channelId":"msteams","from":{"id":"29:user-%d","name":"Megan"},
                 "conversation":{"conversationType":"personal","id":"%s"},
                 "recipient":{"id":"28:bot","name":"Docent"},"text":"%s"}
                """.formatted(i, serviceUrl, i, conversation, text);
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static String field(String status, String name) {
        return status.lines()
                .filter(l -> l.startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).strip())
                .findFirst()
                .orElse("?");
    }
}
