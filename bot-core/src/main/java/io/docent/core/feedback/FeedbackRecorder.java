package io.docent.core.feedback;

import io.docent.core.DocentException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records 👍/👎 votes the same way on every surface: the vote with what the voter was shown (the remembered message
 * when the voter saw it in that place, else only the text the platform sent back, else nothing), kept in the
 * service's {@link FeedbackSink}, and a log line with ids only. The adapters translate a click into a {@link Vote}
 * and thank the voter in their platform's way.
 *
 * <p>Thread-safe.
 */
public final class FeedbackRecorder {

    private static final Logger log = LoggerFactory.getLogger(FeedbackRecorder.class);

    private final AnsweredMessages messages;
    private final FeedbackSink sink;
    private final Clock clock;

    public FeedbackRecorder(AnsweredMessages messages, FeedbackSink sink, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A recorder that keeps no votes (tests, tools): each vote is still logged. */
    public static FeedbackRecorder discarding() {
        return new FeedbackRecorder(new AnsweredMessages(), FeedbackSink.NONE, Clock.systemUTC());
    }

    /**
     * One click.
     *
     * @param platform where it was cast ({@code slack}, {@code teams}, {@code web})
     * @param answerId the id the button carried
     * @param user the voter's id on the platform
     * @param place the conversation the click came from
     * @param thread the thread within it, or {@code ""}
     * @param shownText the message's text as the platform sent it back with the click, or {@code ""}
     * @param comment what the voter typed with the vote, or {@code ""} (kept as {@link FeedbackRecord#comment})
     */
    public record Vote(
            String platform,
            FeedbackRecord.Vote vote,
            String answerId,
            String user,
            String place,
            String thread,
            String shownText,
            String comment) {
        public Vote {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(vote, "vote");
            answerId = answerId == null ? "" : answerId;
            user = user == null ? "" : user;
            place = place == null ? "" : place;
            thread = thread == null ? "" : thread;
            shownText = shownText == null ? "" : shownText;
            comment = comment == null ? "" : comment;
        }

        /** A click with nothing typed. */
        public Vote(
                String platform,
                FeedbackRecord.Vote vote,
                String answerId,
                String user,
                String place,
                String thread,
                String shownText) {
            this(platform, vote, answerId, user, place, thread, shownText, "");
        }
    }

    /** What became of a vote on a remembered answer ({@link #recordRemembered}). */
    public enum Outcome {
        /** Kept in the sink. */
        KEPT,
        /** The sink failed (logged); the voter should be told it was not saved. */
        NOT_SAVED,
        /** No answer the voter saw is remembered under that id (never, expired, or someone else's): nothing kept. */
        UNKNOWN_ANSWER
    }

    /** Remembers a message that carries feedback buttons. */
    public void remember(String answerId, AnsweredMessage message) {
        messages.remember(answerId, message);
    }

    /**
     * Keeps the vote.
     *
     * @return whether it was kept (false when the sink failed: the failure is logged, the voter should be told)
     */
    public boolean record(Vote vote) {
        AnsweredMessage shown =
                seen(vote).orElseGet(() -> new AnsweredMessage("", vote.shownText(), List.of(), vote.place(), ""));
        return keep(vote, shown);
    }

    /**
     * Keeps the vote only when it is on an answer remembered under its id that the voter saw there: for a surface
     * where an id comes from the client (the web chat), so that a guessed, expired or someone else's id records
     * nothing and shows nothing.
     */
    public Outcome recordRemembered(Vote vote) {
        Optional<AnsweredMessage> shown = seen(vote);
        if (shown.isEmpty()) {
            log.info(
                    "Feedback on {} answer {} refused: not an answer this voter saw", vote.platform(), vote.answerId());
            return Outcome.UNKNOWN_ANSWER;
        }
        return keep(vote, shown.get()) ? Outcome.KEPT : Outcome.NOT_SAVED;
    }

    private Optional<AnsweredMessage> seen(Vote vote) {
        return messages.recall(vote.answerId()).filter(m -> m.seenBy(vote.user(), vote.place()));
    }

    private boolean keep(Vote vote, AnsweredMessage shown) {
        var record = new FeedbackRecord(
                clock.instant(),
                vote.platform(),
                vote.vote(),
                vote.user(),
                vote.place(),
                vote.thread(),
                shown.question(),
                shown.answer(),
                shown.sources(),
                vote.comment());
        log.info(
                "Feedback {} on {} answer {} from {} in {}",
                vote.vote(),
                vote.platform(),
                vote.answerId(),
                vote.user(),
                vote.place());
        try {
            sink.record(record);
            return true;
        } catch (DocentException e) {
            log.error("Feedback on {} answer {} not kept: {}", vote.platform(), vote.answerId(), e.getMessage(), e);
            return false;
        }
    }
}
