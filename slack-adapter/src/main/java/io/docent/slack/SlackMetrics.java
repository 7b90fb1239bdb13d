package io.docent.slack;

import io.docent.core.Answer;
import io.docent.core.feedback.FeedbackRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the Slack adapter did since start-up, for a metrics endpoint or the log. Cheap to update from
 * any thread.
 */
public final class SlackMetrics {

    private final LongAdder events = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder notFound = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder busy = new LongAdder();
    private final LongAdder votesUp = new LongAdder();
    private final LongAdder votesDown = new LongAdder();

    void event() {
        events.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void busy() {
        busy.increment();
    }

    /** Counts a reply by how the question ended. */
    public void reply(Answer.Status status) {
        switch (status) {
            case ANSWERED -> answered.increment();
            case NOT_FOUND -> notFound.increment();
            case FAILED -> failed.increment();
        }
    }

    public void vote(FeedbackRecord.Vote vote) {
        (vote == FeedbackRecord.Vote.UP ? votesUp : votesDown).increment();
    }

    /** The counters by name ({@code slack_events}, {@code slack_answers_answered}, ...), in a stable order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("slack_events", events.sum());
        m.put("slack_duplicates_dropped", duplicates.sum());
        m.put("slack_answers_answered", answered.sum());
        m.put("slack_answers_not_found", notFound.sum());
        m.put("slack_answers_failed", failed.sum());
        m.put("slack_busy_replies", busy.sum());
        m.put("slack_feedback_up", votesUp.sum());
        m.put("slack_feedback_down", votesDown.sum());
        return m;
    }
}
