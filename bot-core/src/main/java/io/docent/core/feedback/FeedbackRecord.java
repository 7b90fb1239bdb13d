package io.docent.core.feedback;

import io.docent.core.Citation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One vote on one answer.
 *
 * @param timestamp when the vote was cast
 * @param platform where: {@code "slack"}, {@code "teams"}, {@code "web"}...
 * @param user the voter's stable platform id (for Teams the Entra object id when known); never a display name
 * @param channel where the answer was given (channel, chat or conversation id); may be empty
 * @param question the question as Docent understood it; empty when no longer known
 * @param answer the answer's text; empty when no longer known
 * @param sources the sources the answer cited
 * @param vote up or down
 */
public record FeedbackRecord(
        Instant timestamp,
        String platform,
        String user,
        String channel,
        String question,
        String answer,
        List<Citation> sources,
        Vote vote) {

    /** A thumbs up or a thumbs down. */
    public enum Vote {
        UP,
        DOWN
    }

    public FeedbackRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(vote, "vote");
        channel = channel == null ? "" : channel;
        question = question == null ? "" : question;
        answer = answer == null ? "" : answer;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
