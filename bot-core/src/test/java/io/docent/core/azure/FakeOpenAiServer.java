package io.docent.core.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OpenAI-protocol server on 127.0.0.1: Azure OpenAI's paths ({@code /openai/deployments/{name}/chat/completions}
 * and {@code .../embeddings}, with {@code api-version}) over https, or an OpenAI-compatible server's ({@code
 * /v1/chat/completions}, {@code /v1/embeddings}, the model in the body) over plain http, as Ollama or vLLM serve it.
 * Answers are shaped like the services' documented ones: server-sent events for streamed chat (Azure's empty
 * prompt-filter chunk first, then deltas, a finish reason, a usage chunk, {@code [DONE]}), and JSON errors. A test
 * queues replies; without one, chat answers "Hello there." and embeddings are made from the text.
 */
final class FakeOpenAiServer implements AutoCloseable {

    static final String AZURE_KEY = "azure-openai-test-key";

    private static final Pattern AZURE_PATH =
            Pattern.compile("/openai/deployments/(?<deployment>[^/]+)/(?<op>chat/completions|embeddings)");
    private static final Pattern COMPATIBLE_PATH = Pattern.compile("/v1/(?<op>chat/completions|embeddings)");

    /** What the server answers to one request. */
    sealed interface Reply {}

    /** A streamed completion of these tokens; {@code hold}, if given, is awaited after the first token. */
    record Stream(List<String> tokens, String finishReason, boolean usage, CountDownLatch hold) implements Reply {}

    /**
     * A stream that sends these tokens and then nothing, the connection open, until {@code released} (or 30 s): a
     * model that stalls mid-answer. Released, it ends the stream as usual.
     */
    record Stalling(List<String> tokens, CountDownLatch released) implements Reply {}

    record Json(int status, Map<String, String> headers, String body) implements Reply {}

    record Slow(Duration delay) implements Reply {}

    record Recorded(String path, String query, Map<String, List<String>> headers, JsonNode body) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final boolean https;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    volatile boolean releasedInTime;
    volatile int defaultDimensions = 8;
    /** The chat tokens streamed when no reply is queued. */
    volatile List<String> defaultTokens = List.of("Hello", " there", ".");
    /** How long every stream waits before its first token, and between tokens (a benchmark's model speed). */
    volatile Duration firstTokenDelay = Duration.ZERO;

    volatile Duration tokenInterval = Duration.ZERO;
    /** {@link System#nanoTime()} when the latest stream's first token was written and flushed (a benchmark's). */
    volatile long firstTokenSentNanos;
    /** Whether requests are kept in {@link #requests} (a benchmark turns this off). */
    volatile boolean recording = true;

    FakeOpenAiServer(boolean https) {
        this.https = https;
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
            if (https) {
                HttpsServer secure = HttpsServer.create(address, 0);
                secure.setHttpsConfigurator(new HttpsConfigurator(TestTls.get().serverContext()));
                server = secure;
            } else {
                server = HttpServer.create(address, 0);
            }
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return (https ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort();
    }

    void enqueue(Reply... next) {
        replies.addAll(List.of(next));
    }

    static Stream tokens(String... tokens) {
        return new Stream(List.of(tokens), "stop", true, null);
    }

    static Json throttled(int retryAfterSeconds) {
        return new Json(
                429,
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
                "{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation have"
                        + " exceeded token rate limit of your current pricing tier. Please retry after "
                        + retryAfterSeconds + " seconds.\"}}");
    }

    static Json contentFilterRefusal() {
        return new Json(
                400,
                Map.of(),
                "{\"error\":{\"message\":\"The response was filtered due to the prompt"
                        + " triggering Azure OpenAI's content management policy.\",\"type\":null,\"param\":\"prompt\","
                        + "\"code\":\"content_filter\",\"status\":400,\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\","
                        + "\"content_filter_result\":{\"hate\":{\"filtered\":false,\"severity\":\"safe\"},\"jailbreak\":"
                        + "{\"filtered\":true,\"detected\":true},\"self_harm\":{\"filtered\":false,\"severity\":\"safe\"},"
                        + "\"sexual\":{\"filtered\":false,\"severity\":\"safe\"},\"violence\":{\"filtered\":false,"
                        + "\"severity\":\"safe\"}}}}}");
    }

    static Json error(int status, String code, String message) {
        return new Json(status, Map.of(), "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            String path = exchange.getRequestURI().getPath();
            if (recording) {
                requests.add(new Recorded(
                        path, exchange.getRequestURI().getQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            }
            Matcher azure = AZURE_PATH.matcher(path);
            Matcher compatible = COMPATIBLE_PATH.matcher(path);
            String op;
            if (https && azure.matches()) {
                if (!AZURE_KEY.equals(exchange.getRequestHeaders().getFirst("api-key"))
                        && exchange.getRequestHeaders().getFirst("Authorization") == null) {
                    send(
                            exchange,
                            401,
                            "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid"
                                    + " subscription key or wrong API endpoint.\"}}");
                    return;
                }
                if (exchange.getRequestURI().getQuery() == null
                        || !exchange.getRequestURI().getQuery().contains("api-version=")) {
                    send(exchange, 404, "{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}");
                    return;
                }
                op = azure.group("op");
            } else if (!https && compatible.matches()) {
                op = compatible.group("op");
            } else {
                send(exchange, 404, "{\"error\":{\"code\":\"404\",\"message\":\"Resource not found: " + path + "\"}}");
                return;
            }
            Reply reply = replies.poll();
            if (reply == null) {
                reply = op.equals("embeddings") ? null : new Stream(defaultTokens, "stop", true, null);
            }
            switch (reply) {
                case null -> embeddings(exchange, body);
                case Stream stream -> stream(exchange, body, stream, null);
                case Stalling stalling ->
                    stream(exchange, body, new Stream(stalling.tokens(), "stop", true, null), stalling.released());
                case Json j -> {
                    j.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    send(exchange, j.status(), j.body());
                }
                case Slow slow -> {
                    sleep(slow.delay());
                    send(exchange, 200, "{}");
                }
            }
        } catch (IOException e) {
            // the client went away (a timeout test): nothing to answer
        }
    }

    private void stream(HttpExchange exchange, JsonNode request, Stream stream, CountDownLatch stallUntil)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String model = request.path("model").asText("gpt-4o");
        if (https) {
            event(
                    out,
                    "{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\","
                            + "\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{\"hate\":"
                            + "{\"filtered\":false,\"severity\":\"safe\"}}}]}");
        }
        for (int i = 0; i < stream.tokens().size(); i++) {
            sleep(i == 0 ? firstTokenDelay : tokenInterval);
            ObjectNode chunk = chunk(model);
            ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject().put("index", 0);
            choice.putObject("delta")
                    .put("role", "assistant")
                    .put("content", stream.tokens().get(i));
            choice.putNull("finish_reason");
            event(out, chunk.toString());
            if (i == 0) {
                firstTokenSentNanos = System.nanoTime();
            }
            if (i == 0 && stream.hold() != null) {
                try {
                    releasedInTime = stream.hold().await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (stallUntil != null) {
            try {
                stallUntil.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ObjectNode last = chunk(model);
        ObjectNode choice = ((ArrayNode) last.get("choices")).addObject().put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", stream.finishReason());
        event(out, last.toString());
        if (stream.usage()
                && request.path("stream_options").path("include_usage").asBoolean()) {
            ObjectNode usage = chunk(model);
            usage.putObject("usage")
                    .put("prompt_tokens", 42)
                    .put("completion_tokens", stream.tokens().size())
                    .put("total_tokens", 42 + stream.tokens().size());
            event(out, usage.toString());
        }
        event(out, "[DONE]");
    }

    private ObjectNode chunk(String model) {
        ObjectNode chunk = json.createObjectNode()
                .put("id", "chatcmpl-test")
                .put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L)
                .put("model", model);
        chunk.putArray("choices");
        return chunk;
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void embeddings(HttpExchange exchange, JsonNode request) throws IOException {
        int dimensions = request.path("dimensions").asInt(defaultDimensions);
        ObjectNode response = json.createObjectNode().put("object", "list");
        ArrayNode data = response.putArray("data");
        int i = 0;
        for (JsonNode input : request.path("input")) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i++);
            ArrayNode vector = item.putArray("embedding");
            int hash = input.asText().hashCode();
            for (int d = 0; d < dimensions; d++) {
                vector.add(((hash >>> (d % 32)) & 0xff) / 10.0 + 0.5 + d); // not unit length on purpose
            }
        }
        response.put("model", request.path("model").asText("text-embedding-3-small"));
        response.putObject("usage").put("prompt_tokens", i).put("total_tokens", i);
        send(exchange, 200, response.toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
