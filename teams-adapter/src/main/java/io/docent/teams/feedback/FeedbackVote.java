package io.docent.teams.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.docent.core.feedback.FeedbackRecord.Vote;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.teams.activity.ActivityJson;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A click on a feedback button, read into the key under which the answer was remembered and the vote.
 *
 * <ul>
 *   <li>Teams' own buttons ({@code channelData.feedbackLoopEnabled} on the answer): a {@code message/submitAction}
 *       invoke with {@code actionName "feedback"}, {@code actionValue.reaction} {@code like} or {@code dislike}, and
 *       {@code replyToId} the answer message's id; answers are remembered under {@link #messageKey}.
 *   <li>The Adaptive Card buttons of answers sent before Teams' own buttons were used: the card's data
 *       ({@code {"docent":"feedback","vote":"up","answerId":..}}), as an {@code Action.Execute} invoke (verb {@link
 *       #CARD_VERB}) or an {@code Action.Submit} message value.
 * </ul>
 *
 * <p>What the person typed in Teams' feedback form comes with the click as {@code actionValue.feedback}: a JSON string
 * (Microsoft documents {@code "{\"feedbackText\":\"...\"}"}; some SDKs pass the object itself) whose {@code
 * feedbackText} is kept as the vote's comment. A {@code feedback} that is plain text rather than JSON is kept as it is,
 * so nothing typed is lost.
 *
 * @param comment what the person typed, or {@code ""} (the Adaptive Card buttons carry none)
 */
public record FeedbackVote(String answerKey, Vote vote, String comment) {

    public FeedbackVote {
        comment = comment == null ? "" : comment;
    }

    /** The {@code Action.Execute} verb of the feedback buttons on Docent's earlier answer cards. */
    public static final String CARD_VERB = "docent.feedback";

    /** The invoke Teams sends for a click on its own feedback buttons. */
    public static final String SUBMIT_ACTION = "message/submitAction";

    /**
     * Answer ids on cards are Docent's own ({@code r-}, or {@code t-} on cards sent before 2026-12, and 8 hex
     * digits); anything else in the data is not trusted.
     */
    private static final Pattern ANSWER_ID = Pattern.compile("[rt]-[0-9a-f]{8}");

    /** Teams message ids: digits in chats and channels; anything printable and short is looked up, nothing else. */
    private static final Pattern MESSAGE_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /** This click as the service's recorder takes it: cast by {@code user} in the conversation {@code place}. */
    public FeedbackRecorder.Vote by(String user, String place) {
        // a Teams channel thread is part of the conversation id in place; Teams sends no message text back
        return new FeedbackRecorder.Vote("teams", vote, answerKey, user, place, "", "", comment);
    }

    /**
     * The key an answer message is remembered under, from the conversation it was shown in ({@code place}: the
     * channel, or the chat) and the id Teams gave it: message ids are unique within a conversation only.
     */
    public static String messageKey(String place, String messageId) {
        return "teams:" + place + "/" + messageId;
    }

    /**
     * The vote of a {@code message/submitAction} invoke from {@code place} on the message {@code replyToId}, or
     * empty when it is not a feedback click on a message.
     */
    public static Optional<FeedbackVote> fromSubmitAction(Object value, String place, String replyToId) {
        JsonNode node = ActivityJson.tree(value);
        if (!"feedback".equals(node.path("actionName").asText())
                || replyToId == null
                || !MESSAGE_ID.matcher(replyToId).matches()) {
            return Optional.empty();
        }
        Vote vote =
                switch (node.path("actionValue").path("reaction").asText()) {
                    case "like" -> Vote.UP;
                    case "dislike" -> Vote.DOWN;
                    default -> null;
                };
        return vote == null
                ? Optional.empty()
                : Optional.of(new FeedbackVote(
                        messageKey(place, replyToId),
                        vote,
                        typed(node.path("actionValue").path("feedback"))));
    }

    /** The {@code feedbackText} of Teams' {@code actionValue.feedback}, a JSON string or an object; else the text. */
    private static String typed(JsonNode feedback) {
        JsonNode form = feedback;
        if (feedback.isTextual()) {
            String text = feedback.asText();
            try {
                form = ActivityJson.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                return text; // not the documented JSON: what was typed is still worth keeping
            }
            if (form == null || !form.isObject()) {
                return text;
            }
        }
        JsonNode typed = form.path("feedbackText");
        return typed.isTextual() ? typed.asText() : "";
    }

    /** The vote in a card's data, or empty when the data is not Docent feedback. */
    public static Optional<FeedbackVote> fromCard(Object data) {
        JsonNode node = ActivityJson.tree(data);
        if (!"feedback".equals(node.path("docent").asText())
                || !ANSWER_ID.matcher(node.path("answerId").asText()).matches()) {
            return Optional.empty();
        }
        Vote vote =
                switch (node.path("vote").asText()) {
                    case "up" -> Vote.UP;
                    case "down" -> Vote.DOWN;
                    default -> null;
                };
        return vote == null
                ? Optional.empty()
                : Optional.of(new FeedbackVote(node.path("answerId").asText(), vote, ""));
    }
}
