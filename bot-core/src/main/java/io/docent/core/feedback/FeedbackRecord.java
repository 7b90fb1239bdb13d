package io.docent.core.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One vote on one answer, with what was asked and answered, so that the record can be read on its own later.
 *
 * @param timestamp when the vote was cast
 * @param platform where it was cast ({@code slack}, {@code teams})
 * @param vote up or down
 * @param user the platform's id of the person who voted
 * @param channel the platform's id of the conversation (a Slack channel, a Teams conversation)
 * @param thread the thread within the channel, or {@code ""}
 * @param question the question as the core saw it, or {@code ""} when no longer known
 * @param answer the answer text, or {@code ""} when no longer known
 * @param sources the cited sources (URLs, or titles where a source has no URL), in citation order
 */
public record FeedbackRecord(
        Instant timestamp,
        String platform,
        Vote vote,
        String user,
        String channel,
        String thread,
        String question,
        String answer,
        List<String> sources) {

    /** Which button was clicked. */
    public enum Vote {
        UP,
        DOWN
    }

    public FeedbackRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(vote, "vote");
        user = user == null ? "" : user;
        channel = channel == null ? "" : channel;
        thread = thread == null ? "" : thread;
        question = question == null ? "" : question;
        answer = answer == null ? "" : answer;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
