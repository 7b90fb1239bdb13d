package io.docent.app.cli;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A Bot Connector on 127.0.0.1 that takes every activity and keeps the message ones by conversation. */
final class LocalBotConnector implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> replies = new ConcurrentHashMap<>();

    LocalBotConnector() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                if (body.contains("\"type\":\"message\"")) {
                    // /v3/conversations/{id}/activities[/{replyTo}]
                    String conversation = path.split("/")[3];
                    replies.merge(conversation, body, (a, b) -> a + "\n" + b);
                }
                byte[] ok = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    Map<String, String> awaitReplies(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (replies.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return Map.copyOf(replies);
    }

    /** The message activities sent into {@code conversation}, waiting until there are at least {@code count}. */
    java.util.List<String> awaitMessages(String conversation, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (messages(conversation).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return messages(conversation);
    }

    private java.util.List<String> messages(String conversation) {
        String all = replies.get(conversation);
        return all == null
                ? java.util.List.of()
                : all.lines().filter(l -> l.contains("\"type\":\"message\"")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
