package io.docent.app.redis;

import io.docent.core.feedback.FeedbackRecord;
import io.docent.core.feedback.FeedbackSink;
import io.docent.core.feedback.JsonLinesFeedbackLog;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The votes of every replica on one Redis stream ({@value #STREAM}), so that none is lost when a replica goes away:
 * each vote is one entry whose field {@value #FIELD} holds the same JSON object a line of the feedback log holds
 * ({@link JsonLinesFeedbackLog}). {@code docent feedback export} writes them out as JSON lines ({@link #export}). The
 * stream is capped near {@value #MAX_ENTRIES} entries (the oldest go first), so export regularly when votes are many.
 */
public final class RedisFeedbackStream implements FeedbackSink {

    public static final String STREAM = "docent:feedback";
    static final String FIELD = "record";
    static final long MAX_ENTRIES = 1_000_000;
    private static final int PAGE = 500;

    private final RedisState redis;

    public RedisFeedbackStream(RedisState redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** Adds the vote to the stream; throws {@link io.docent.core.DocentException.Retriable} when Redis fails. */
    @Override
    public void record(FeedbackRecord record) {
        String json = JsonLinesFeedbackLog.toJson(record);
        XAddArgs args = XAddArgs.Builder.maxlen(MAX_ENTRIES).approximateTrimming();
        redis.call(c -> c.xadd(STREAM, args, Map.of(FIELD, json)));
    }

    /**
     * Writes every vote on the stream to {@code out}, oldest first, one JSON object a line, reading it in pages.
     *
     * @return how many votes were written
     */
    public long export(Writer out) throws IOException {
        long written = 0;
        Range.Boundary<String> from = Range.Boundary.including("-");
        while (true) {
            Range<String> range = Range.from(from, Range.Boundary.including("+"));
            io.lettuce.core.Limit limit = io.lettuce.core.Limit.create(0, PAGE);
            List<StreamMessage<String, String>> page = redis.call(c -> c.xrange(STREAM, range, limit));
            for (StreamMessage<String, String> message : page) {
                String json = message.getBody().get(FIELD);
                if (json != null) {
                    out.write(json);
                    out.write('\n');
                    written++;
                }
            }
            if (page.size() < PAGE) {
                out.flush();
                return written;
            }
            from = Range.Boundary.excluding(page.get(page.size() - 1).getId());
        }
    }
}
