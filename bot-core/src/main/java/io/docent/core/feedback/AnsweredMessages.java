package io.docent.core.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.KeyValueStore;
import io.docent.core.memory.CaffeineKeyValueStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recent answer messages by the id their feedback buttons carry. A button's value is too small for a question, an
 * answer and its sources (Slack allows 2,000 characters), so the buttons carry an id and the message stays here, as
 * JSON in a {@link KeyValueStore}, for {@link #DEFAULT_RETENTION}: in memory ({@value #DEFAULT_MAXIMUM_SIZE}
 * messages at most) for one process, on Redis when several replicas share the votes. A vote on a message this memory
 * no longer holds (older, from before a restart of a process keeping it in memory) is still recorded, with what the
 * platform sent of the message and without the question. One memory serves every surface. Thread-safe.
 */
public final class AnsweredMessages {

    public static final long DEFAULT_MAXIMUM_SIZE = 20_000;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private static final String PREFIX = "answered:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(AnsweredMessages.class);

    private final KeyValueStore store;

    /** Messages kept in {@code store}, under keys starting {@value #PREFIX}. */
    public AnsweredMessages(KeyValueStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Messages in memory, timed by {@code ticker}. */
    public AnsweredMessages(Ticker ticker) {
        this(new CaffeineKeyValueStore(DEFAULT_MAXIMUM_SIZE, ticker));
    }

    public AnsweredMessages() {
        this(Ticker.systemTicker());
    }

    public void remember(String answerId, AnsweredMessage message) {
        try {
            store.put(PREFIX + answerId, JSON.writeValueAsString(message), DEFAULT_RETENTION);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answered message is always writable as JSON", e);
        }
    }

    /** The message, or empty when it is not kept (or what is kept cannot be read: logged, treated as forgotten). */
    public Optional<AnsweredMessage> recall(String answerId) {
        return store.get(PREFIX + answerId).flatMap(json -> {
            try {
                return Optional.of(JSON.readValue(json, AnsweredMessage.class));
            } catch (JsonProcessingException e) {
                log.warn(
                        "An answered message kept for feedback could not be read ({}); treated as forgotten",
                        e.getOriginalMessage());
                return Optional.empty();
            }
        });
    }
}
