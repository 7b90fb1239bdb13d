package io.docent.teams.feedback;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.Answer;
import io.docent.core.Citation;
import io.docent.core.DocentException;
import io.docent.core.feedback.FeedbackRecord;
import io.docent.core.feedback.FeedbackSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records votes. The card carries only the answer's id; the question, answer and sources are remembered here for
 * {@link #DEFAULT_RETENTION} (bounded), so a vote after a restart, or on another replica, is still recorded, with an
 * empty question and answer.
 *
 * <p>What is remembered is exactly what the conversation was shown (the answer as the access policy cut it for that
 * conversation), kept with the conversation's place; a vote cast from another conversation than the answer's (an
 * answer id carried elsewhere) is recorded without the answer's question, text and sources, so the log never ties
 * one conversation's answer to another's vote.
 */
public final class FeedbackRecorder {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final int DEFAULT_MAX_ANSWERS = 20_000;
    static final String PLATFORM = "teams";

    private static final Logger log = LoggerFactory.getLogger(FeedbackRecorder.class);

    private record Answered(String question, String answer, List<Citation> sources, String place) {}

    private final FeedbackSink sink;
    private final Clock clock;
    private final Cache<String, Answered> answers;

    public FeedbackRecorder(FeedbackSink sink, Clock clock, Ticker ticker) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.answers = Caffeine.newBuilder()
                .maximumSize(DEFAULT_MAX_ANSWERS)
                .expireAfterWrite(DEFAULT_RETENTION)
                .ticker(ticker)
                .build();
    }

    /** Remembers an answer that carries feedback buttons. */
    public void remember(String answerId, String question, Answer answer, String place) {
        answers.put(answerId, new Answered(question, answer.text(), answer.citations(), place));
    }

    /**
     * Keeps the vote in the service's {@link FeedbackSink}.
     *
     * @return whether it was kept (false when the sink failed; the failure is logged)
     */
    public boolean record(FeedbackVote vote, String user, String place) {
        Answered answered = answers.getIfPresent(vote.answerId());
        if (answered != null && !answered.place().equals(place)) {
            log.warn("Teams feedback on answer {} came from another conversation than the answer's", vote.answerId());
            answered = null;
        }
        var record = new FeedbackRecord(
                clock.instant(),
                PLATFORM,
                vote.vote(),
                user,
                place,
                "", // a Teams channel thread is part of the conversation id in place
                answered == null ? "" : answered.question(),
                answered == null ? "" : answered.answer(),
                answered == null
                        ? List.of()
                        : answered.sources().stream()
                                .map(c -> c.url().isEmpty() ? c.title() : c.url())
                                .toList());
        log.info("Teams feedback {} on answer {}", vote.vote(), vote.answerId());
        try {
            sink.record(record);
            return true;
        } catch (DocentException e) {
            log.error("Teams feedback on answer {} not recorded: {}", vote.answerId(), e.getMessage());
            return false;
        }
    }
}
