package io.docent.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.app.AnswerJson;
import io.docent.core.Answer;
import io.docent.core.Asker;
import io.docent.core.Question;
import io.docent.core.Scope;
import io.docent.core.Turn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code POST /api/chat}. In: {@code {"question": "...", "history": [{"role": "user"|"assistant",
 * "text": "..."}]}}, oldest turn first. Out: the answer's text, status, standalone query, citations, evidence (every
 * retrieved passage with its scores), stage timings in milliseconds, and the id to vote on it with ({@code answerId}, see {@link FeedbackApi}), whom it answered as ({@code asker}:
 * {@code administrator}, {@code member}, {@code guest}, {@code external} or {@code anonymous}; {@code access}: the
 * same in a sentence), and the text as HTML for the page ({@code html}, see {@link AnswerHtml}). Citations and evidence are the answer's own, which the pipeline retrieved with the asker's
 * access groups: nothing else is added here. Strings go out as JSON strings, never as markup: the page puts them
 * into the document as text, except {@code html}, which commonmark made from the text with every markup in it
 * escaped.
 */
final class ChatJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A request the client must fix; the message says what, without echoing the input. */
    static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    record Limits(int maxQuestionChars, int maxHistoryTurns, int maxTurnChars) {}

    private ChatJson() {}

    /** The question in {@code body}, asked by {@code asker}: who asks comes from the request's access, not its body. */
    static Question parse(byte[] body, Limits limits, Asker asker) throws BadRequest {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new BadRequest("the body is empty: send {\"question\": \"...\"}");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new BadRequest("the body is not valid JSON: " + truncate(detail, 200));
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest("the body must be a JSON object with a \"question\" string");
        }
        JsonNode q = root.get("question");
        if (q == null || !q.isTextual()) {
            throw new BadRequest("\"question\" is missing or not a string");
        }
        String question = q.asText().strip();
        if (question.isEmpty()) {
            throw new BadRequest("\"question\" is empty");
        }
        if (question.length() > limits.maxQuestionChars()) {
            throw new BadRequest("\"question\" is longer than " + limits.maxQuestionChars() + " characters");
        }
        return new Question(question, history(root.get("history"), limits), Scope.ALL, asker);
    }

    private static List<Turn> history(JsonNode node, Limits limits) throws BadRequest {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequest("\"history\" must be an array of {\"role\", \"text\"} objects");
        }
        if (node.size() > limits.maxHistoryTurns()) {
            throw new BadRequest("\"history\" has more than " + limits.maxHistoryTurns() + " turns");
        }
        List<Turn> turns = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode turn = node.get(i);
            JsonNode role = turn.get("role");
            JsonNode text = turn.get("text");
            if (!turn.isObject() || role == null || text == null || !role.isTextual() || !text.isTextual()) {
                throw new BadRequest(
                        "history[" + i + "] must be {\"role\": \"user\"|\"assistant\", \"text\": \"...\"}");
            }
            if (text.asText().length() > limits.maxTurnChars()) {
                throw new BadRequest("history[" + i + "].text is longer than " + limits.maxTurnChars() + " characters");
            }
            Turn.Role r =
                    switch (role.asText()) {
                        case "user" -> Turn.Role.USER;
                        case "assistant" -> Turn.Role.ASSISTANT;
                        default -> throw new BadRequest("history[" + i + "].role must be \"user\" or \"assistant\"");
                    };
            turns.add(new Turn(r, text.asText()));
        }
        return turns;
    }

    /**
     * The answer as {@link AnswerJson} renders it, with its evidence, after who asked and what they may read, and
     * {@code answerId}: the id to vote on it with ({@link FeedbackApi}), {@code null} when it takes no vote; for the
     * page, {@code html}: the text as {@link AnswerHtml} renders it, and each citation's snippet as plain text.
     */
    static ObjectNode render(Answer answer, WebAccess.Decision decision, String answerId) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("asker", AccessNotice.asker(decision.asker().identity()));
        root.put("access", AccessNotice.of(decision));
        root.put("answerId", answerId);
        root.setAll(AnswerJson.render(answer, true));
        root.put("html", AnswerHtml.render(answer.text()));
        for (JsonNode citation : root.path("citations")) {
            ((ObjectNode) citation)
                    .put(
                            "snippet",
                            AnswerHtml.plainText(citation.path("snippet").asText("")));
        }
        return root;
    }

    /** A streamed answer's text so far ({@code text}, Markdown) and as the page shows it ({@code html}). */
    static ObjectNode written(String textSoFar) {
        return MAPPER.createObjectNode().put("text", textSoFar).put("html", AnswerHtml.render(textSoFar));
    }

    static ObjectNode error(int status, String message) {
        return MAPPER.createObjectNode().put("error", message).put("status", status);
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
