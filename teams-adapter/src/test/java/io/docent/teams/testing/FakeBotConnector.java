package io.docent.teams.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot Connector on 127.0.0.1: accepts what the bot sends to {@code v3/conversations/...} and records it, answering
 * with a resource id as the real service does ({@code {"id": "..."}}).
 */
public final class FakeBotConnector implements AutoCloseable {

    /** One call the bot made. {@code path} is decoded, {@code rawPath} as sent. */
    public record Received(String method, String rawPath, String path, String authorization, JsonNode body) {
        public String type() {
            return body.path("type").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private final List<Received> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private FakeBotConnector(HttpServer server) {
        this.server = server;
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
                var received = new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        json);
                all.add(received);
                queue.add(received);
                byte[] response = ("{\"id\":\"sent-" + ids.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, response.length);
                exchange.getResponseBody().write(response);
            }
        });
        server.start();
    }

    public static FakeBotConnector start() {
        try {
            return new FakeBotConnector(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service URL to put in activities: where replies must go. */
    public String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The next call, waiting up to {@code timeout}; fails when none arrives. */
    public Received next(Duration timeout) {
        try {
            Received received = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (received == null) {
                throw new AssertionError("the bot sent nothing to the connector within " + timeout);
            }
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code count} calls have arrived in total (or the timeout passed), then returns them all. */
    public List<Received> awaitCount(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (all.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new ArrayList<>(all);
    }

    public List<Received> all() {
        return new ArrayList<>(all);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
