package io.docent.core.feedback;

import io.docent.core.DocentException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
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
     * @param platform where it was cast ({@code slack}, {@code teams})
     * @param answerId the id the button carried
     * @param user the voter's id on the platform
     * @param place the conversation the click came from
     * @param thread the thread within it, or {@code ""}
     * @param shownText the message's text as the platform sent it back with the click, or {@code ""}
     */
    public record Vote(
            String platform,
            FeedbackRecord.Vote vote,
            String answerId,
            String user,
            String place,
            String thread,
            String shownText) {
        public Vote {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(vote, "vote");
            answerId = answerId == null ? "" : answerId;
            user = user == null ? "" : user;
            place = place == null ? "" : place;
            thread = thread == null ? "" : thread;
            shownText = shownText == null ? "" : shownText;
        }
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
        AnsweredMessage shown = messages.recall(vote.answerId())
                .filter(m -> m.seenBy(vote.user(), vote.place()))
                .orElseGet(() -> new AnsweredMessage("", vote.shownText(), List.of(), vote.place(), ""));
        var record = new FeedbackRecord(
                clock.instant(),
                vote.platform(),
                vote.vote(),
                vote.user(),
                vote.place(),
                vote.thread(),
                shown.question(),
                shown.answer(),
                shown.sources());
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
