package io.docent.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Socket Mode server on 127.0.0.1 (Java-WebSocket): greets each connection with {@code hello}, sends
 * {@code events_api} and {@code interactive} envelopes to the newest connection, records acks by
 * {@code envelope_id} with their arrival time, and can ask the client to reconnect ({@code disconnect}).
 */
public final class LocalSocketModeServer extends WebSocketServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger envelopes = new AtomicInteger();
    private final Map<String, Long> acks = new ConcurrentHashMap<>();
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private volatile WebSocket current;

    public LocalSocketModeServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setConnectionLostTimeout(0);
    }

    /** Starts and waits until the port is bound. */
    public LocalSocketModeServer open() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the Socket Mode server did not start");
        }
        return this;
    }

    /** The URL {@code apps.connections.open} hands out. */
    public String url() {
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=local";
    }

    public int connections() {
        return connections.get();
    }

    public void awaitConnections(int count, Duration timeout) {
        Eventually.until(
                timeout,
                () -> connections.get() >= count && current != null && current.isOpen(),
                () -> connections.get() + " connections, wanted " + count);
    }

    /** Sends an {@code events_api} envelope around {@code eventCallback}; returns its envelope id. */
    public String sendEvent(String eventCallback, int retryAttempt) throws IOException {
        return send("events_api", eventCallback, retryAttempt);
    }

    /** Sends an {@code interactive} envelope (a block action); returns its envelope id. */
    public String sendInteractive(String payload) throws IOException {
        return send("interactive", payload, 0);
    }

    private String send(String type, String payload, int retryAttempt) throws IOException {
        String id = "env-" + envelopes.incrementAndGet();
        var envelope = JSON.createObjectNode()
                .put("envelope_id", id)
                .put("type", type)
                .put("accepts_response_payload", false)
                .put("retry_attempt", retryAttempt)
                .put("retry_reason", retryAttempt > 0 ? "timeout" : "");
        envelope.set("payload", JSON.readTree(payload));
        String text = JSON.writeValueAsString(envelope);
        synchronized (this) {
            sent.put(id, System.nanoTime());
            current.send(text);
        }
        return id;
    }

    /** When the envelope {@code envelopeId} was handed to the WebSocket ({@link System#nanoTime()}). */
    public Long sentAt(String envelopeId) {
        return sent.get(envelopeId);
    }

    /** Asks the client to reconnect, as Slack does before it rotates a connection. */
    public void sendDisconnect() {
        current.send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"local\"}}");
    }

    /** When the ack for {@code envelopeId} arrived ({@link System#nanoTime()}), or null. */
    public Long ackedAt(String envelopeId) {
        return acks.get(envelopeId);
    }

    public void awaitAck(String envelopeId, Duration timeout) {
        Eventually.until(timeout, () -> acks.containsKey(envelopeId), () -> "no ack for " + envelopeId);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        connections.incrementAndGet();
        conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"local\","
                + "\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0DOCENT\"}}");
        current = conn;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
        try {
            JsonNode node = JSON.readTree(message);
            if (node.hasNonNull("envelope_id")) {
                acks.putIfAbsent(node.get("envelope_id").asText(), System.nanoTime());
            }
        } catch (IOException e) {
            // not JSON: not an ack
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
