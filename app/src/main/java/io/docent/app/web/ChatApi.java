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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/chat} and {@code POST /api/chat/stream}: checks access and the request (the same checks for both),
 * asks the {@link Answerer} as the asker {@link WebAccess} decided (never as anyone the body names) and returns its
 * answer as JSON (see {@link ChatJson}), saying whom it answered as; the stream sends the answer's text as it is
 * written, then that same JSON, as server-sent events ({@link AnswerEvents}). An answer one may vote on carries the
 * {@code answerId} that {@link FeedbackApi} remembered it under. Both go through the checks of {@link ApiRequest}.
 * The request runs on the server's virtual thread, so a slow answer holds no platform thread. A failure while
 * answering becomes a {@code FAILED} answer, never a stack trace.
 */
final class ChatApi implements HttpHandler {

    static final String PATH = "/api/chat";
    /** The same question, its answer streamed as server-sent events. */
    static final String STREAM_PATH = PATH + "/stream";

    private static final Logger log = LoggerFactory.getLogger(ChatApi.class);

    private final Answerer answerer;
    private final WebAccess access;
    private final ChatJson.Limits limits;
    private final int maxBodyBytes;
    private final Ticker ticker;
    private final FeedbackApi feedback;

    ChatApi(
            Answerer answerer,
            WebAccess access,
            ChatJson.Limits limits,
            int maxBodyBytes,
            Ticker ticker,
            FeedbackApi feedback) {
        this.ticker = ticker;
        this.feedback = feedback;
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
        Optional<ApiRequest> request = ApiRequest.read(exchange, access, maxBodyBytes);
        if (request.isEmpty()) {
            return;
        }
        WebAccess.Decision decision = request.get().decision();
        byte[] body = request.get().body();
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
            Answer answer = answer(question, AnswerProgress.NONE);
            WebResponses.json(
                    exchange, 200, ChatJson.render(answer, decision, feedback.offer(question, answer, decision)));
        }
    }

    /** The answer as server-sent events (see {@link AnswerEvents}): always ends with an answer or an error event. */
    private void stream(HttpExchange exchange, Question question, WebAccess.Decision decision) throws IOException {
        var events = new AnswerEvents(exchange, ticker);
        Answer answer = answer(question, events);
        try {
            events.answer(ChatJson.render(answer, decision, feedback.offer(question, answer, decision)));
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
}
