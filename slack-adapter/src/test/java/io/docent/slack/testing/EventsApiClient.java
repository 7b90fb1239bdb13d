package io.docent.slack.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Slack's side of the Events API: mounts the adapter's handler at {@code /slack/events} on a JDK HTTP server
 * on 127.0.0.1 and posts requests signed as Slack signs them ({@code v0=HMAC-SHA256(secret, "v0:ts:body")}).
 */
public final class EventsApiClient implements AutoCloseable {

    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    public EventsApiClient(HttpHandler eventsHandler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/slack/events", eventsHandler);
        server.start();
    }

    /** Posts a JSON event, signed now. */
    public HttpResponse<String> post(String json) {
        return post(json, Instant.now().getEpochSecond(), SIGNING_SECRET, null);
    }

    /** Posts a JSON event as Slack's {@code retryNum}-th retry. */
    public HttpResponse<String> retry(String json, int retryNum) {
        return post(json, Instant.now().getEpochSecond(), SIGNING_SECRET, retryNum);
    }

    /** Posts a block action as Slack does: form-encoded {@code payload=...}. */
    public HttpResponse<String> postInteraction(String payloadJson) {
        String body = "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
        return send(body, "application/x-www-form-urlencoded", Instant.now().getEpochSecond(), SIGNING_SECRET, null);
    }

    public HttpResponse<String> post(String json, long timestamp, String secret, Integer retryNum) {
        return send(json, "application/json", timestamp, secret, retryNum);
    }

    private HttpResponse<String> send(
            String body, String contentType, long timestamp, String secret, Integer retryNum) {
        var request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events"))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum.toString()).header("X-Slack-Retry-Reason", "http_timeout");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts a signed JSON event over a plain socket, without an HTTP client library's own overhead; returns
     * {@code {sentNanos, statusLineReceivedNanos, status}}. For the benchmark: what the server takes to answer.
     */
    public long[] rawPost(String json, Integer retryNum) {
        long ts = Instant.now().getEpochSecond();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n"
                + "X-Slack-Request-Timestamp: " + ts + "\r\nX-Slack-Signature: " + sign(SIGNING_SECRET, ts, json)
                + "\r\n"
                + (retryNum == null
                        ? ""
                        : "X-Slack-Retry-Num: " + retryNum + "\r\nX-Slack-Retry-Reason: http_timeout\r\n")
                + "\r\n";
        try (var socket = new java.net.Socket("127.0.0.1", server.getAddress().getPort())) {
            socket.setTcpNoDelay(true);
            var out = socket.getOutputStream();
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            long sent = System.nanoTime();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String status = in.readLine();
            long received = System.nanoTime();
            return new long[] {sent, received, Integer.parseInt(status.split(" ")[1])};
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
