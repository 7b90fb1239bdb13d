package io.docent.core.feedback;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Recent answer messages by the id their feedback buttons carry. A button's value is too small for a question, an
 * answer and its sources (Slack allows 2,000 characters), so the buttons carry an id and the text stays here,
 * bounded: {@value #DEFAULT_MAXIMUM_SIZE} messages for {@link #DEFAULT_RETENTION}. A vote on a message this memory no
 * longer holds (older, from before a restart, from another replica) is still recorded, with what the platform sent
 * of the message and without the question. One memory serves every surface. Thread-safe.
 */
public final class AnsweredMessages {

    public static final long DEFAULT_MAXIMUM_SIZE = 20_000;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private final Cache<String, AnsweredMessage> messages;

    public AnsweredMessages(Ticker ticker) {
        this.messages = Caffeine.newBuilder()
                .maximumSize(DEFAULT_MAXIMUM_SIZE)
                .expireAfterWrite(DEFAULT_RETENTION)
                .ticker(ticker)
                .build();
    }

    public AnsweredMessages() {
        this(Ticker.systemTicker());
    }

    public void remember(String answerId, AnsweredMessage message) {
        messages.put(answerId, message);
    }

    public Optional<AnsweredMessage> recall(String answerId) {
        return Optional.ofNullable(messages.getIfPresent(answerId));
    }
}
