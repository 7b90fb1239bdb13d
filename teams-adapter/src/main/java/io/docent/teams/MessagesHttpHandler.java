package io.docent.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code POST /api/messages} on a JDK {@code HttpServer}: method, path and body size, then the adapter. */
final class MessagesHttpHandler implements HttpHandler {

    static final String PATH = "/api/messages";
    /** Teams activities are a few kilobytes; a card action a little more. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final TeamsAdapter adapter;

    MessagesHttpHandler(TeamsAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            respond(exchange, TeamsResponse.status(404));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            respond(exchange, TeamsResponse.status(405));
            return;
        }
        byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
        if (body == null) {
            respond(exchange, TeamsResponse.status(413));
            return;
        }
        respond(exchange, adapter.handle(exchange.getRequestHeaders().getFirst("Authorization"), body));
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void respond(HttpExchange exchange, TeamsResponse response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", TeamsResponse.CONTENT_TYPE);
        }
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
