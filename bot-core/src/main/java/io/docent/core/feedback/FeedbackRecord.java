package io.docent.core.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One vote on one answer, with what was asked and answered, so that the record can be read on its own later.
 *
 * @param timestamp when the vote was cast
 * @param platform where it was cast ({@code slack}, {@code teams}, {@code web})
 * @param vote up or down
 * @param user the platform's id of the person who voted
 * @param channel the platform's id of the conversation (a Slack channel, a Teams conversation)
 * @param thread the thread within the channel, or {@code ""}
 * @param question the question as the core saw it, or {@code ""} when no longer known
 * @param answer the answer text, or {@code ""} when no longer known
 * @param sources the cited sources (URLs, or titles where a source has no URL), in citation order
 * @param comment what the voter typed with the vote (Teams' feedback form, the web chat's comment box), or {@code ""}:
 *     control characters other than line breaks and tabs are removed, surrounding blanks trimmed, and the text cut at
 *     {@value #MAX_COMMENT_CHARS} characters, so a record stays one readable line whatever was typed
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
        List<String> sources,
        String comment) {

    /** The longest comment kept; longer ones are cut (a client that can say so refuses them first). */
    public static final int MAX_COMMENT_CHARS = 2_000;

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
        comment = cleanComment(comment);
    }

    /** A vote without a comment. */
    public FeedbackRecord(
            Instant timestamp,
            String platform,
            Vote vote,
            String user,
            String channel,
            String thread,
            String question,
            String answer,
            List<String> sources) {
        this(timestamp, platform, vote, user, channel, thread, question, answer, sources, "");
    }

    /**
     * {@code typed} as a record keeps it: line breaks made {@code \n}, other control characters removed, trimmed, and
     * at most {@value #MAX_COMMENT_CHARS} characters (never half a surrogate pair).
     */
    public static String cleanComment(String typed) {
        if (typed == null || typed.isEmpty()) {
            return "";
        }
        String text = typed.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = new StringBuilder(Math.min(text.length(), MAX_COMMENT_CHARS));
        text.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(kept::appendCodePoint);
        String clean = kept.toString().strip();
        if (clean.length() <= MAX_COMMENT_CHARS) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(MAX_COMMENT_CHARS - 1))
                ? MAX_COMMENT_CHARS - 1
                : MAX_COMMENT_CHARS;
        return clean.substring(0, end).strip();
    }
}
