package io.docent.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.docent.core.Answer;
import io.docent.core.Question;
import io.docent.core.UserTexts;
import io.docent.core.feedback.AnsweredMessage;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.feedback.FeedbackRecord;
import io.docent.core.feedback.FeedbackRecorder;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 👍/👎 in the web chat: {@link #offer} remembers each answer one may vote on, under a new random {@code answerId}
 * that only its asker's response carries, for its asker alone ({@link WebAccess.Decision#voter}); {@code POST
 * /api/feedback} ({@code {"answerId": "w-...", "vote": "up"|"down", "comment": "..."}}, comment optional) records a
 * vote on it through the service's {@link FeedbackRecorder}, the same sink as Slack's and Teams' votes.
 *
 * <p>The endpoint lets in exactly the requests {@code /api/chat} lets in ({@link ApiRequest}). It answers {@code 204}
 * when the vote is kept; {@code 404} when no answer this voter was given is remembered under the id (never given,
 * older than {@link AnsweredMessages#DEFAULT_RETENTION}, or someone else's: the same reply, so
 * an id says nothing of another person's answers), and nothing is recorded; {@code 403} when the request's sign-in
 * cannot tell people apart (an unreadable Easy Auth principal); {@code 400} for a body it cannot read (a comment over
 * {@value FeedbackRecord#MAX_COMMENT_CHARS} characters is refused, not cut, so the person can shorten it); {@code 503}
 * when the feedback log could not keep the vote.
 */
final class FeedbackApi implements HttpHandler {

    static final String PATH = "/api/feedback";
    /** A vote with the longest comment fits, escaped, with room to spare. */
    static final int MAX_BODY_BYTES = 32 * 1024;

    private static final Pattern ANSWER_ID = Pattern.compile("w-[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FeedbackRecorder recorder;
    private final WebAccess access;

    FeedbackApi(FeedbackRecorder recorder, WebAccess access) {
        this.recorder = recorder;
        this.access = access;
    }

    /**
     * Remembers {@code answer} to {@code question} for its asker and returns the id to vote on it with, or {@code
     * null} when there is nothing to vote on (a failure, Docent busy) or no one to tie a vote to.
     */
    String offer(Question question, Answer answer, WebAccess.Decision decision) {
        if (!answer.belongsInHistory() || decision.voter().isEmpty()) {
            return null;
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String answerId = "w-" + HexFormat.of().formatHex(random);
        recorder.remember(answerId, AnsweredMessage.of(question.text(), answer, decision.voter()));
        return answerId;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        WebResponses.securityHeaders(exchange);
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            WebResponses.jsonError(exchange, 404, "no such API: " + PATH + " takes votes");
            return;
        }
        Optional<ApiRequest> request = ApiRequest.read(exchange, access, MAX_BODY_BYTES);
        if (request.isEmpty()) {
            return;
        }
        WebAccess.Decision decision = request.get().decision();
        FeedbackRecorder.Vote vote;
        try {
            vote = parse(request.get().body(), decision);
        } catch (ChatJson.BadRequest e) {
            WebResponses.jsonError(exchange, 400, e.getMessage());
            return;
        }
        if (decision.voter().isEmpty()) {
            WebResponses.jsonError(exchange, 403, "your sign-in could not be read, so a vote cannot be tied to you");
            return;
        }
        switch (recorder.recordRemembered(vote)) {
            case KEPT -> {
                exchange.getResponseHeaders().remove("Content-Type");
                exchange.sendResponseHeaders(204, -1);
            }
            case UNKNOWN_ANSWER ->
                WebResponses.jsonError(
                        exchange,
                        404,
                        "no answer of yours has that answerId (answers can be voted on for "
                                + AnsweredMessages.DEFAULT_RETENTION.toDays() + " days)");
            case NOT_SAVED -> WebResponses.jsonError(exchange, 503, UserTexts.FEEDBACK_NOT_SAVED);
        }
    }

    private static FeedbackRecorder.Vote parse(byte[] body, WebAccess.Decision decision) throws ChatJson.BadRequest {
        JsonNode root;
        try {
            root = ChatJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ChatJson.BadRequest("the body is not valid JSON: send {\"answerId\": \"...\", \"vote\": \"up\"}");
        } catch (IOException e) {
            throw new ChatJson.BadRequest("the body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new ChatJson.BadRequest("the body must be a JSON object: {\"answerId\": \"...\", \"vote\": \"up\"}");
        }
        JsonNode id = root.path("answerId");
        if (!id.isTextual() || !ANSWER_ID.matcher(id.asText()).matches()) {
            throw new ChatJson.BadRequest("\"answerId\" must be the answerId of an answer (\"w-\" and 32 hex digits)");
        }
        FeedbackRecord.Vote vote =
                switch (root.path("vote").asText("")) {
                    case "up" -> FeedbackRecord.Vote.UP;
                    case "down" -> FeedbackRecord.Vote.DOWN;
                    default -> throw new ChatJson.BadRequest("\"vote\" must be \"up\" or \"down\"");
                };
        JsonNode comment = root.path("comment");
        if (!comment.isMissingNode() && !comment.isNull() && !comment.isTextual()) {
            throw new ChatJson.BadRequest("\"comment\" must be a string");
        }
        String typed = comment.asText("");
        if (typed.length() > FeedbackRecord.MAX_COMMENT_CHARS) {
            throw new ChatJson.BadRequest(
                    "\"comment\" is longer than " + FeedbackRecord.MAX_COMMENT_CHARS + " characters");
        }
        String user = decision.kind() == WebAccess.Kind.EASY_AUTH
                ? decision.asker().identity().userId()
                : "";
        return new FeedbackRecorder.Vote("web", vote, id.asText(), user, decision.voter(), "", "", typed);
    }
}
