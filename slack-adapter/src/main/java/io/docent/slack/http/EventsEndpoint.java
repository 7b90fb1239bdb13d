package io.docent.slack.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Events API and interactivity requests on a JDK {@link HttpHandler}, as bolt-servlet's
 * {@code SlackAppServlet} does it for servlets: the raw body and headers go to Bolt's {@link SlackRequestParser},
 * {@link App#run} verifies the signature (401 for a bad one or a timestamp older than five minutes) and dispatches,
 * and Bolt's response goes back as is. A {@code url_verification} challenge is answered by Bolt. Mount it at
 * {@code /slack/events}, for both the Event Subscriptions and the Interactivity request URLs.
 */
public final class EventsEndpoint implements HttpHandler {

    /** Slack's payloads are a few kilobytes; anything far larger is not from Slack. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(EventsEndpoint.class);

    private final App app;
    private final SlackRequestParser parser;

    public EventsEndpoint(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, "text/plain; charset=utf-8", Map.of(), "POST only\n");
            return;
        }
        byte[] body = read(exchange.getRequestBody());
        if (body == null) {
            send(exchange, 413, "text/plain; charset=utf-8", Map.of(), "too large\n");
            return;
        }
        var raw = SlackRequestParser.HttpRequest.builder()
                .requestUri(exchange.getRequestURI().getPath())
                .queryString(query(exchange.getRequestURI().getRawQuery()))
                .requestBody(new String(body, StandardCharsets.UTF_8))
                .headers(new RequestHeaders(exchange.getRequestHeaders()))
                .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                .build();
        Request<?> request = parser.parse(raw);
        if (request == null) {
            send(exchange, 400, "text/plain; charset=utf-8", Map.of(), "not a Slack request\n");
            return;
        }
        Response response;
        try {
            response = app.run(request);
        } catch (Exception e) {
            log.error("Bolt failed on a {} request", request.getRequestType(), e);
            send(exchange, 500, "text/plain; charset=utf-8", Map.of(), "internal error\n");
            return;
        }
        String type = response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType();
        send(
                exchange,
                response.getStatusCode(),
                type,
                response.getHeaders(),
                response.getBody() == null ? "" : response.getBody());
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : bytes;
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static void send(
            HttpExchange exchange, int status, String contentType, Map<String, List<String>> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-type") && !name.equalsIgnoreCase("content-length")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } else {
            exchange.getResponseBody().close();
        }
    }
}
