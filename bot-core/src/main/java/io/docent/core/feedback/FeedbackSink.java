package io.docent.core.feedback;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where 👍/👎 votes are kept, whichever surface they were cast on: one sink per service, shared by Slack, Teams and
 * any other surface, so that one file is opened once and every vote is counted the same way. The JSON-lines file
 * ({@link JsonLinesFeedbackLog}) is one implementation; counting votes for metrics is a decorator ({@link
 * #observed}).
 *
 * <p>Implementations are safe for concurrent use.
 */
@FunctionalInterface
public interface FeedbackSink {

    /** Keeps nothing: for a surface run without a feedback log (tests, tools). The recorders still log each vote. */
    FeedbackSink NONE = record -> {};

    /**
     * Keeps one vote.
     *
     * @throws io.docent.core.DocentException when it cannot be kept (the file cannot be written); the caller tells
     *     the voter and logs it
     */
    void record(FeedbackRecord record);

    /**
     * This sink, telling {@code listener} of each vote once it is kept (for metrics); a listener that throws does not
     * fail the vote, which is what matters.
     */
    static FeedbackSink observed(FeedbackSink sink, Consumer<FeedbackRecord> listener) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(listener, "listener");
        return record -> {
            sink.record(record);
            try {
                listener.accept(record);
            } catch (RuntimeException e) {
                // an observer's failure is not the vote's
            }
        };
    }
}
