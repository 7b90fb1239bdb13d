package io.docent.app.web;

import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.Answerer;
import io.docent.core.Question;
import io.docent.core.UserTexts;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/chat} and {@code POST /api/chat/stream}: checks access and the request (the same checks for both),
 * asks the {@link Answerer} as the asker {@link WebAccess} decided (never as anyone the body names) and returns its
 * answer as JSON (see {@link ChatJson}), saying whom it answered as; the stream sends the answer's text as it is
 * written, then that same JSON, as server-sent events ({@link AnswerEvents}). The request runs on the server's virtual thread, so a slow answer holds no platform
 * thread. A failure while answering becomes a {@code FAILED} answer, never a stack trace.
 */
final class ChatApi implements HttpHandler {

    static final String PATH = "/api/chat";
    /** The same question, its answer streamed as server-sent events. */
    static final String STREAM_PATH = PATH + "/stream";
    /** How much of a too-large body is read and dropped so that its client gets the 413; beyond, the connection ends. */
    static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ChatApi.class);

    private final Answerer answerer;
    private final WebAccess access;
    private final ChatJson.Limits limits;
    private final int maxBodyBytes;
    private final Ticker ticker;

    ChatApi(Answerer answerer, WebAccess access, ChatJson.Limits limits, int maxBodyBytes, Ticker ticker) {
        this.ticker = ticker;
        this.answerer = answerer;
        this.access = access;
        this.limits = limits;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        WebResponses.securityHeaders(exchange);
        String path = exchange.getRequestURI().getPath();
        if (!path.equals(PATH) && !path.equals(STREAM_PATH)) {
            WebResponses.jsonError(
                    exchange, 404, "no such API: " + PATH + " and " + STREAM_PATH + " are the only ones");
            return;
        }
        WebAccess.Decision decision = access.decide(exchange);
        if (!decision.allowed()) {
            refuse(exchange, decision);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            WebResponses.methodNotAllowed(exchange, "POST", true);
            return;
        }
        if (!WebAccess.sameOrigin(exchange, decision)) {
            WebResponses.jsonError(
                    exchange,
                    403,
                    "cross-origin requests are refused: call the API from the web chat"
                            + " page or with an Authorization: Bearer header");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
            WebResponses.jsonError(exchange, 415, "the body must be JSON (Content-Type: application/json)");
            return;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        byte[] body = declaredTooLarge(length) ? null : readCapped(exchange.getRequestBody());
        if (body == null) {
            // Read the rest (up to a bound) before answering: the server closes a connection with more than 64 KB
            // unread, and a close with unread data resets it, so the client could lose the 413 it is sent.
            discard(exchange.getRequestBody(), DRAIN_LIMIT_BYTES);
            WebResponses.jsonError(exchange, 413, "the body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        Question question;
        try {
            question = ChatJson.parse(body, limits, decision.asker());
        } catch (ChatJson.BadRequest e) {
            WebResponses.jsonError(exchange, 400, e.getMessage());
            return;
        }
        if (path.equals(STREAM_PATH)) {
            stream(exchange, question, decision);
        } else {
            WebResponses.json(exchange, 200, ChatJson.render(answer(question, AnswerProgress.NONE), decision));
        }
    }

    /** The answer as server-sent events (see {@link AnswerEvents}): always ends with an answer or an error event. */
    private void stream(HttpExchange exchange, Question question, WebAccess.Decision decision) throws IOException {
        var events = new AnswerEvents(exchange, ticker);
        Answer answer = answer(question, events);
        try {
            events.answer(ChatJson.render(answer, decision));
        } catch (RuntimeException e) {
            String reference = UserTexts.newReference();
            log.error("The web chat's streamed answer could not be sent (reference {})", reference, e);
            events.error(UserTexts.failed(reference));
        }
    }

    private Answer answer(Question question, AnswerProgress progress) {
        try {
            Answer answer = answerer.answer(question, progress);
            if (answer == null) {
                String reference = UserTexts.newReference();
                log.error("The web chat's answerer returned no answer (reference {})", reference);
                return Answer.failed(UserTexts.failed(reference));
            }
            return answer;
        } catch (RuntimeException e) { // the contract says it never throws; a bug must not reach the user as one
            String reference = UserTexts.newReference();
            log.error(
                    "The web chat's question failed (reference {}, {} characters, {} turns of history)",
                    reference,
                    question.text().length(),
                    question.history().size(),
                    e);
            return Answer.failed(UserTexts.failed(reference));
        }
    }

    private void refuse(HttpExchange exchange, WebAccess.Decision decision) throws IOException {
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

    private boolean declaredTooLarge(String contentLength) {
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
    private byte[] readCapped(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }
}
