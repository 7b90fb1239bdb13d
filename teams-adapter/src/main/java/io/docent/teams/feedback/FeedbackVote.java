package io.docent.teams.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.core.feedback.FeedbackRecord.Vote;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.teams.activity.ActivityJson;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A click on a feedback button, read from the card's data ({@code {"docent":"feedback","vote":"up","answerId":..}}),
 * whether it arrived as an {@code Action.Execute} invoke or as an {@code Action.Submit} message value.
 */
public record FeedbackVote(String answerId, Vote vote) {

    /**
     * Answer ids are Docent's own ({@code r-}, or {@code t-} on cards sent before 2026-12, and 8 hex digits); anything
     * else in the data is not trusted.
     */
    private static final Pattern ANSWER_ID = Pattern.compile("[rt]-[0-9a-f]{8}");

    /** This click as the service's recorder takes it: cast by {@code user} in the conversation {@code place}. */
    public FeedbackRecorder.Vote by(String user, String place) {
        // a Teams channel thread is part of the conversation id in place; a card sends no text back
        return new FeedbackRecorder.Vote("teams", vote, answerId, user, place, "", "");
    }

    /** The vote in this data, or empty when the data is not Docent feedback. */
    public static Optional<FeedbackVote> from(Object data) {
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
                : Optional.of(new FeedbackVote(node.path("answerId").asText(), vote));
    }
}
