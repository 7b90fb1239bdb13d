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
    private final LongAdder privateAnswers = new LongAdder();
    private final LongAdder privateUndelivered = new LongAdder();
    private final long[] overheads = new long[OVERHEAD_SAMPLES];
    private long overheadCount;

    /** How many of the latest adapter-overhead samples are kept. */
    public static final int OVERHEAD_SAMPLES = 1_024;

    void event() {
        events.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    /** Counts a reply by how the question ended. */
    public void reply(Answer.Status status) {
        switch (status) {
            case ANSWERED -> answered.increment();
            case NOT_FOUND -> notFound.increment();
            case FAILED -> failed.increment();
            case BUSY -> busy.increment();
        }
    }

    /** Counts a fuller answer sent privately to a channel's asker, or one that could not be delivered. */
    public void privateAnswer(boolean delivered) {
        (delivered ? privateAnswers : privateUndelivered).increment();
    }

    public void vote(FeedbackRecord.Vote vote) {
        (vote == FeedbackRecord.Vote.UP ? votesUp : votesDown).increment();
    }

    /**
     * Records the adapter's own time for one answered question: from a worker taking it up to the answer posted,
     * less the time spent in the core (the ack path is timed apart, as event to ack; the wait for a free worker
     * depends on the core's speed and is not counted).
     */
    public synchronized void overhead(long nanos) {
        overheads[(int) (overheadCount++ % OVERHEAD_SAMPLES)] = nanos;
    }

    /** The latest adapter-overhead samples in nanoseconds, oldest first (at most {@link #OVERHEAD_SAMPLES}). */
    public synchronized long[] overheadSamples() {
        int n = (int) Math.min(overheadCount, OVERHEAD_SAMPLES);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = overheads[(int) ((overheadCount - n + i) % OVERHEAD_SAMPLES)];
        }
        return out;
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
        m.put("slack_private_answers", privateAnswers.sum());
        m.put("slack_private_answers_undelivered", privateUndelivered.sum());
        return m;
    }
}
