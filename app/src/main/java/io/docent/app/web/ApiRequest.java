package io.docent.app.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * A JSON {@code POST} to the web chat's API that passed every check the API makes, in one place so that each endpoint
 * ({@link ChatApi}, {@link FeedbackApi}) lets in exactly the same requests: access ({@link WebAccess}: sign-in, shared
 * secret, the wrong-key limit, loopback), the method, same origin for credentials a browser sends on its own, a JSON
 * content type and a capped body. A request that fails a check has been answered (a JSON error naming what to fix)
 * when {@link #read} returns empty.
 *
 * @param decision who asks, as {@link WebAccess} decided
 * @param body the request body, at most the cap
 */
record ApiRequest(WebAccess.Decision decision, byte[] body) {

    /** How much of a too-large body is read and dropped so that its client gets the 413; beyond, the connection ends. */
    static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

    /** The checked request, or empty when {@code exchange} was refused (and answered). */
    static Optional<ApiRequest> read(HttpExchange exchange, WebAccess access, int maxBodyBytes) throws IOException {
        WebAccess.Decision decision = access.decide(exchange);
        if (!decision.allowed()) {
            refuse(exchange, decision);
            return Optional.empty();
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            WebResponses.methodNotAllowed(exchange, "POST", true);
            return Optional.empty();
        }
        if (!WebAccess.sameOrigin(exchange, decision)) {
            WebResponses.jsonError(
                    exchange,
                    403,
                    "cross-origin requests are refused: call the API from the web chat"
                            + " page or with an Authorization: Bearer header");
            return Optional.empty();
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
            WebResponses.jsonError(exchange, 415, "the body must be JSON (Content-Type: application/json)");
            return Optional.empty();
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        byte[] body =
                declaredTooLarge(length, maxBodyBytes) ? null : readCapped(exchange.getRequestBody(), maxBodyBytes);
        if (body == null) {
            // Read the rest (up to a bound) before answering: the server closes a connection with more than 64 KB
            // unread, and a close with unread data resets it, so the client could lose the 413 it is sent.
            discard(exchange.getRequestBody(), DRAIN_LIMIT_BYTES);
            WebResponses.jsonError(exchange, 413, "the body is larger than " + maxBodyBytes + " bytes");
            return Optional.empty();
        }
        return Optional.of(new ApiRequest(decision, body));
    }

    private static void refuse(HttpExchange exchange, WebAccess.Decision decision) throws IOException {
        switch (decision.kind()) {
            case FORBIDDEN -> WebResponses.jsonError(exchange, 403, WebChat.LOCAL_ONLY_MESSAGE);
            case FOREIGN_HOST -> WebResponses.jsonError(exchange, 403, WebChat.FOREIGN_HOST_MESSAGE);
            case RATE_LIMITED -> {
                WebResponses.retryAfter(exchange, decision.retryAfter());
                WebResponses.jsonError(exchange, 429, "too many wrong keys from this address: try again later");
            }
            default -> {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"docent\"");
                WebResponses.jsonError(
                        exchange,
                        401,
                        "sign in: send Authorization: Bearer with the web chat's"
                                + " secret (DOCENT_WEB_SECRET), or open the page and enter it");
            }
        }
    }

    private static boolean declaredTooLarge(String contentLength, int maxBodyBytes) {
        try {
            return contentLength != null && Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the server has already refused a malformed length; the capped read decides
        }
    }

    private static void discard(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = limit;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    /** The body, or {@code null} when it is larger than the cap (reading stops there). */
    private static byte[] readCapped(InputStream in, int maxBodyBytes) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }
}
