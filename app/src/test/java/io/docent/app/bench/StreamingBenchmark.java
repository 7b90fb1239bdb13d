package io.docent.app.bench;

import io.docent.app.cli.StackOptions;
import io.docent.app.config.Settings;
import io.docent.app.serve.DocentService;
import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.Question;
import io.docent.core.azure.BenchmarkOpenAiServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streamed answers against a model that takes one second to start and then writes 20 tokens a second (the fake
 * OpenAI-compatible server on 127.0.0.1, {@link BenchmarkOpenAiServer#paced}), through {@code docent serve}'s stack
 * over the sample handbook (the real pipeline, admission control, metrics, web chat), all in one JVM. Measured, per
 * question: from the model's first token leaving the server to the first {@code AnswerProgress.written} call, and to
 * the web client reading the first {@code text} event of {@code POST /api/chat/stream}; and each answer's total time
 * beside the same question not streamed ({@code answer(question)}, {@code POST /api/chat}). Not a test: run by hand
 * (see docs/benchmarks.md). Property {@code bench.runs} (default 5): questions per path after one warm-up of each.
 */
public final class StreamingBenchmark {

    static final String QUESTION = "How do I get VPN access?";
    static final List<String> TOKENS = tokens();

    private StreamingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        Path home = Files.createTempDirectory("streaming-bench");
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        try (var model = new BenchmarkOpenAiServer(false, TOKENS).paced(Duration.ofSeconds(1), Duration.ofMillis(50))) {
            Settings settings = Settings.of(Map.of(
                    "DOCENT_HOME", home.toString(),
                    "DOCENT_PORT", "0",
                    "DOCENT_BIND", "127.0.0.1",
                    "OPENAI_BASE_URL", model.url() + "/v1",
                    "OPENAI_MODEL", "local-model"));
            PrintWriter quiet = new PrintWriter(new StringWriter());
            try (DocentService service = DocentService.start(
                    settings, config -> new StackOptions().openForQuestions(settings, config, quiet), quiet)) {
                if (!service.awaitIndex(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("the index did not open");
                }
                Answerer answerer = service.answerer("web");
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + service.port();
                for (int i = -1; i < runs; i++) {
                    boolean warmUp = i < 0;
                    inProcess(answerer, model, warmUp ? new LinkedHashMap<>() : ms);
                    sse(http, base, model, warmUp ? new LinkedHashMap<>() : ms);
                    json(http, base, warmUp ? new LinkedHashMap<>() : ms);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d questions per path, %d tokens at 20/s after 1 s%n", runs, TOKENS.size());
        System.out.printf(Locale.ROOT, "%-58s %9s %9s %9s%n", "measure (ms)", "min", "median", "max");
        ms.forEach((name, values) -> {
            double[] v =
                    values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-58s %9.1f %9.1f %9.1f%n", name, v[0], v[v.length / 2], v[v.length - 1]);
        });
    }

    private static void inProcess(Answerer answerer, BenchmarkOpenAiServer model, Map<String, List<Double>> ms) {
        long[] firstWritten = {0};
        long start = System.nanoTime();
        Answer streamed = answerer.answer(Question.fromAdministrator(QUESTION), text -> {
            if (firstWritten[0] == 0) {
                firstWritten[0] = System.nanoTime();
            }
        });
        long end = System.nanoTime();
        check(streamed.status() == Answer.Status.ANSWERED && firstWritten[0] != 0, "in-process streamed");
        add(ms, "model's first token -> first written() call", firstWritten[0] - model.firstTokenSentNanos());
        add(ms, "in process, streamed: total", end - start);
        start = System.nanoTime();
        Answer whole = answerer.answer(Question.fromAdministrator(QUESTION));
        add(ms, "in process, not streamed: total", System.nanoTime() - start);
        check(whole.text().equals(streamed.text()), "the same answer either way");
    }

    private static void sse(HttpClient http, String base, BenchmarkOpenAiServer model, Map<String, List<Double>> ms)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response =
                http.send(post(base + "/api/chat/stream"), HttpResponse.BodyHandlers.ofInputStream());
        long firstText = 0;
        long answer = 0;
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && "text".equals(event) && firstText == 0) {
                    firstText = System.nanoTime();
                } else if (line.startsWith("data: ") && "answer".equals(event)) {
                    answer = System.nanoTime();
                    check(line.contains("\"status\":\"ANSWERED\""), "the streamed web answer");
                }
            }
        }
        check(firstText != 0 && answer != 0, "a text event and an answer event");
        add(ms, "model's first token -> first SSE text event read", firstText - model.firstTokenSentNanos());
        add(ms, "web, streamed: question sent -> first words read", firstText - start);
        add(ms, "web, streamed: total", answer - start);
    }

    private static void json(HttpClient http, String base, Map<String, List<Double>> ms) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(post(base + "/api/chat"), HttpResponse.BodyHandlers.ofString());
        add(ms, "web, not streamed (POST /api/chat): total = first words", System.nanoTime() - start);
        check(response.body().contains("\"status\":\"ANSWERED\""), "the web answer");
    }

    private static HttpRequest post(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + QUESTION + "\"}"))
                .build();
    }

    private static void add(Map<String, List<Double>> ms, String name, long nanos) {
        ms.computeIfAbsent(name, k -> new ArrayList<>()).add(nanos / 1e6);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("unexpected result: " + what);
        }
    }

    /** About 60 tokens: a cited answer in a list, as a model writes it. */
    private static List<String> tokens() {
        String answer = "To get VPN access:\n\n- Open a request in the IT portal [1].\n- Your manager approves it,"
                + " usually within a day [1].\n- Install the VPN client from the software centre and sign in with"
                + " your company account [1].\n\nContractors need a sponsor who asks for them [1].";
        return Arrays.stream(answer.split("(?<= )")).toList();
    }
}
