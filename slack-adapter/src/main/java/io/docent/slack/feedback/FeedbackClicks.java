package io.docent.slack.feedback;

import io.docent.core.DocentException;
import io.docent.core.UserTexts;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.slack.SlackMetrics;
import io.docent.slack.web.SlackWeb;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 👍/👎 click in Slack: recorded by the service's {@link FeedbackRecorder} (which knows what the voter was shown),
 * counted in the Slack metrics, and thanked with an ephemeral message that only the voter sees.
 */
public final class FeedbackClicks {

    private static final Logger log = LoggerFactory.getLogger(FeedbackClicks.class);

    private final FeedbackRecorder recorder;
    private final SlackWeb web;
    private final SlackMetrics metrics;

    public FeedbackClicks(FeedbackRecorder recorder, SlackWeb web, SlackMetrics metrics) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.web = Objects.requireNonNull(web, "web");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** A click as Slack sent it in a {@code block_actions} payload (the vote's place is the channel). */
    public void record(FeedbackRecorder.Vote vote) {
        metrics.vote(vote.vote());
        boolean kept = recorder.record(vote);
        String text = kept ? UserTexts.THANKS : UserTexts.FEEDBACK_NOT_SAVED;
        try {
            var r = web.postEphemeral(vote.place(), vote.user(), vote.thread(), text);
            if (!r.isOk()) {
                log.warn("Could not thank {} in {}: {}", vote.user(), vote.place(), r.getError());
            }
        } catch (DocentException e) {
            log.warn("Could not thank {} in {}: {}", vote.user(), vote.place(), e.getMessage());
        }
    }
}
