package io.docent.core.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Azure AI Search service on 127.0.0.1, over https, in memory: the REST calls Docent makes, answered as the
 * REST reference (api-version 2025-09-01, which azure-search-documents 11.8 sends) documents them. Index get and
 * create-or-update (refusing changes to existing fields, as the service does), {@code docs/search.index} (upload,
 * merge, mergeOrUpload, delete; 200 or 207 with a status per document; at most 1,000 actions and 16 MB),
 * {@code docs/search.post.search} (see {@link FakeIndex}), {@code docs/$count}. Requests must carry the api-key or
 * the bearer token it was given; a test can script failures and read the requests back.
 */
final class FakeSearchService implements AutoCloseable {

    static final String API_KEY = "test-admin-key-0123456789";
    static final int MAX_ACTIONS = 1_000;
    static final int MAX_BODY = 16 * 1024 * 1024;

    private static final Pattern PATH =
            Pattern.compile("/indexes(?:\\('(?<quoted>[^']+)'\\)|/(?<plain>[^/]+))?(?<rest>/docs/.*)?");

    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {}

    record Scripted(String pathPart, int status, Map<String, String> headers, String body) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpsServer server;
    private final Map<String, FakeIndex> indexes = new ConcurrentHashMap<>();
    final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Scripted> scripted = new ConcurrentLinkedDeque<>();
    private final FakeDocumentActions documents = new FakeDocumentActions();
    private volatile String bearerToken;

    FakeSearchService() {
        try {
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(TestTls.get().serverContext()));
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String endpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Accept Entra ID tokens equal to {@code token} (besides the api-key). */
    void acceptBearer(String token) {
        this.bearerToken = token;
    }

    /** The next request whose path contains {@code pathPart} gets this answer instead. */
    void failNext(String pathPart, int status, Map<String, String> headers) {
        scripted.add(new Scripted(pathPart, status, headers, error("Scripted failure " + status)));
    }

    /** The next {@code times} writes of the document with this key fail with {@code status} in a 207 answer. */
    void failDocument(String key, int status, int times) {
        documents.failDocument(key, status, times);
    }

    FakeIndex index(String name) {
        return indexes.get(name);
    }

    void putIndex(String name, ObjectNode definition) {
        indexes.put(name, new FakeIndex(FakeDefinitions.normalise(definition)));
    }

    List<Recorded> requests(String method, String pathPart) {
        synchronized (requests) {
            return requests.stream()
                    .filter(r -> r.method().equals(method) && r.path().contains(pathPart))
                    .toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Recorded(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestURI().getQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            if (!authorised(exchange)) {
                send(exchange, 403, error("Authorization failed: the api-key or token is missing or invalid."));
                return;
            }
            for (Scripted s : scripted) {
                if (path.contains(s.pathPart()) && scripted.remove(s)) {
                    s.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    send(exchange, s.status(), s.body());
                    return;
                }
            }
            if (raw.length > MAX_BODY) {
                send(exchange, 413, error("The request is too large."));
                return;
            }
            Matcher m = PATH.matcher(path);
            if (!m.matches()
                    || exchange.getRequestURI().getQuery() == null
                    || !exchange.getRequestURI().getQuery().contains("api-version=")) {
                send(exchange, 400, error("Unknown path or missing api-version: " + path));
                return;
            }
            String name = m.group("quoted") != null ? m.group("quoted") : m.group("plain");
            String rest = m.group("rest");
            route(exchange, exchange.getRequestMethod(), name, rest, body);
        } catch (RuntimeException e) {
            // a bug in the fake must show in the test, not hang it
            e.printStackTrace();
            throw e;
        }
    }

    private void route(HttpExchange exchange, String method, String name, String rest, String body) throws IOException {
        if (rest == null) {
            switch (method) {
                case "GET" -> getIndex(exchange, name);
                case "PUT" -> putIndex(exchange, name, body);
                case "DELETE" -> send(exchange, indexes.remove(name) == null ? 404 : 204, "");
                default -> send(exchange, 405, error("method not allowed"));
            }
            return;
        }
        FakeIndex index = indexes.get(name);
        if (index == null) {
            send(exchange, 404, error("The index '" + name + "' for service 'fake' was not found."));
            return;
        }
        switch (rest) {
            case "/docs/search.index" -> indexDocuments(exchange, index, body);
            case "/docs/search.post.search" -> search(exchange, index, body);
            case "/docs/$count" -> {
                synchronized (index) {
                    send(exchange, 200, Integer.toString(index.docs.size()), "text/plain");
                }
            }
            default -> send(exchange, 404, error("Unknown resource " + rest));
        }
    }

    private void getIndex(HttpExchange exchange, String name) throws IOException {
        FakeIndex index = indexes.get(name);
        if (index == null) {
            send(exchange, 404, error("No index with the name '" + name + "' was found in the service 'fake'."));
            return;
        }
        send(exchange, 200, json.writeValueAsString(index.definition));
    }

    private void putIndex(HttpExchange exchange, String name, String body) throws IOException {
        ObjectNode definition = FakeDefinitions.normalise((ObjectNode) json.readTree(body));
        FakeIndex existing = indexes.get(name);
        if (existing == null) {
            indexes.put(name, new FakeIndex(definition));
            send(exchange, 201, json.writeValueAsString(definition));
            return;
        }
        String problem = FakeDefinitions.changeProblem(existing.definition, definition);
        if (problem != null) {
            send(exchange, 400, error(problem));
            return;
        }
        synchronized (existing) {
            existing.definition = definition;
        }
        send(exchange, 200, json.writeValueAsString(definition));
    }

    private void indexDocuments(HttpExchange exchange, FakeIndex index, String body) throws IOException {
        JsonNode actions = json.readTree(body).path("value");
        if (actions.size() > MAX_ACTIONS) {
            send(
                    exchange,
                    400,
                    error("The request is invalid. Details: actions : The batch exceeds the limit of " + MAX_ACTIONS
                            + " actions."));
            return;
        }
        FakeDocumentActions.Outcome outcome = documents.apply(index, actions);
        send(exchange, outcome.status(), outcome.body());
    }

    private void search(HttpExchange exchange, FakeIndex index, String body) throws IOException {
        JsonNode request = json.readTree(body);
        List<FakeIndex.Ranked> ranked;
        synchronized (index) {
            try {
                ranked = index.search(request);
            } catch (ODataParser.SyntaxError e) {
                send(exchange, 400, error("Invalid expression: " + e.getMessage() + "\r\nParameter name: $filter"));
                return;
            }
        }
        List<String> select = request.hasNonNull("select")
                ? List.of(request.get("select").asText().split("\\s*,\\s*"))
                : null;
        ArrayNode value = json.createArrayNode();
        for (FakeIndex.Ranked hit : ranked) {
            ObjectNode result = value.addObject();
            result.put("@search.score", hit.score());
            if (hit.rerankerScore() != null) {
                result.put("@search.rerankerScore", hit.rerankerScore());
            }
            hit.doc().forEach((field, v) -> {
                if (select == null ? index.field(field).path("retrievable").asBoolean(true) : select.contains(field)) {
                    result.set(field, json.valueToTree(v));
                }
            });
        }
        ObjectNode response = json.createObjectNode();
        response.put("@odata.context", endpoint() + "/indexes('x')/$metadata#docs(*)");
        response.set("value", value);
        send(exchange, 200, json.writeValueAsString(response));
    }

    private boolean authorised(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("api-key");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return API_KEY.equals(key) || (bearerToken != null && ("Bearer " + bearerToken).equals(authorization));
    }

    private void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body, "application/json; odata.metadata=minimal; charset=utf-8");
    }

    private static void send(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders()
                .set("request-id", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private String error(String message) {
        ObjectNode error = json.createObjectNode();
        error.putObject("error").put("code", "").put("message", message);
        return error.toString();
    }
}
