package io.docent.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.docent.app.serve.DocentServer;
import java.io.IOException;

/** Headers every web chat response carries, and the ways it answers. */
final class WebResponses {

    /**
     * Scripts and styles only from this server (no inline script, so injected markup cannot run), no framing, no
     * requests elsewhere.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private WebResponses() {}

    static void securityHeaders(HttpExchange exchange) {
        var h = exchange.getResponseHeaders();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
    }

    /** {@code Retry-After} in whole seconds, at least one. */
    static void retryAfter(HttpExchange exchange, java.time.Duration wait) {
        exchange.getResponseHeaders().set("Retry-After", Long.toString(SignInLimiter.retryAfterSeconds(wait)));
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        String text;
        try {
            text = ChatJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        DocentServer.respond(exchange, status, "application/json; charset=utf-8", text);
    }

    static void jsonError(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, ChatJson.error(status, message));
    }

    static void text(HttpExchange exchange, int status, String message) throws IOException {
        DocentServer.respond(exchange, status, "text/plain; charset=utf-8", message + "\n");
    }

    static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    static void methodNotAllowed(HttpExchange exchange, String allow, boolean asJson) throws IOException {
        exchange.getResponseHeaders().set("Allow", allow);
        String message = exchange.getRequestMethod() + " is not allowed here; use " + allow;
        if (asJson) {
            jsonError(exchange, 405, message);
        } else {
            text(exchange, 405, message);
        }
    }
}
