package io.docent.slack.feedback;

import io.docent.core.DocentException;
import io.docent.core.UserTexts;
import io.docent.core.feedback.FeedbackRecord;
import io.docent.core.feedback.FeedbackSink;
import io.docent.slack.SlackMetrics;
import io.docent.slack.web.SlackWeb;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a 👍/👎 click: a {@link FeedbackRecord} in the service's {@link FeedbackSink}, a count in the
 * metrics, a log line (ids only), and an ephemeral "thanks" that only the voter sees.
 *
 * <p>The record holds what the voter was shown: the remembered question, answer and sources of that message, or,
 * when the answer is no longer remembered or was a private answer to someone else, only the text of the message the
 * click came from. So a private answer's feedback is recorded with its text only for its asker.
 */
public final class FeedbackRecorder {

    private static final Logger log = LoggerFactory.getLogger(FeedbackRecorder.class);

    private final AnsweredQuestions answers;
    private final FeedbackSink sink;
    private final SlackWeb web;
    private final SlackMetrics metrics;
    private final Clock clock;

    public FeedbackRecorder(
            AnsweredQuestions answers, FeedbackSink sink, SlackWeb web, SlackMetrics metrics, Clock clock) {
        this.answers = answers;
        this.sink = java.util.Objects.requireNonNull(sink, "sink");
        this.web = web;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A click as Slack sent it in a {@code block_actions} payload. */
    public record Vote(
            FeedbackRecord.Vote vote,
            String answerId,
            String user,
            String channel,
            String threadTs,
            String messageText) {}

    public void record(Vote vote) {
        var entry = answers.get(vote.answerId())
                .filter(remembered -> remembered.shownTo(vote.user()))
                .orElseGet(() -> new AnsweredQuestions.Entry(
                        "", vote.messageText() == null ? "" : vote.messageText(), List.of()));
        var record = new FeedbackRecord(
                clock.instant(),
                "slack",
                vote.vote(),
                vote.user(),
                vote.channel(),
                vote.threadTs(),
                entry.question(),
                entry.answer(),
                entry.sources());
        metrics.vote(vote.vote());
        log.info("Feedback {} from {} in {} on answer {}", vote.vote(), vote.user(), vote.channel(), vote.answerId());
        try {
            sink.record(record);
        } catch (DocentException e) {
            log.error("Feedback not written: {}", e.getMessage(), e);
        }
        try {
            var r = web.postEphemeral(vote.channel(), vote.user(), vote.threadTs(), UserTexts.THANKS);
            if (!r.isOk()) {
                log.warn("Could not thank {} in {}: {}", vote.user(), vote.channel(), r.getError());
            }
        } catch (DocentException e) {
            log.warn("Could not thank {} in {}: {}", vote.user(), vote.channel(), e.getMessage());
        }
    }
}
