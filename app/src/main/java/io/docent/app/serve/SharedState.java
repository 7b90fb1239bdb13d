package io.docent.app.serve;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.app.config.RedisConfig;
import io.docent.app.redis.Fallback;
import io.docent.app.redis.RedisConversationStore;
import io.docent.app.redis.RedisFeedbackStream;
import io.docent.app.redis.RedisKeyValueStore;
import io.docent.app.redis.RedisPerPersonLimit;
import io.docent.app.redis.RedisState;
import io.docent.core.ConversationStore;
import io.docent.core.KeyValueStore;
import io.docent.core.PerPersonLimit;
import io.docent.core.feedback.FeedbackSink;
import io.docent.core.memory.CaffeineKeyValueStore;
import io.docent.core.memory.LocalPerPersonLimit;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state of {@code docent serve} that its replicas must share: with {@value RedisConfig#URL} set, on Redis, each
 * store falling back to this process's memory while Redis cannot be reached ({@link Fallback}); without it, in this
 * process's memory only, today's single-process default with nothing else to run. The service asks here for each
 * store it wires, and never needs to know which it got.
 */
public final class SharedState implements AutoCloseable {

    private final RedisState redis; // null: this process only
    private final Fallback fallback;
    private final PerPersonLimit perPersonLimit;

    private SharedState(RedisState redis, Fallback fallback) {
        this.redis = redis;
        this.fallback = fallback;
        this.perPersonLimit = redis == null
                ? new LocalPerPersonLimit()
                : fallback.perPersonLimit(
                        new RedisPerPersonLimit(redis, RedisPerPersonLimit.DEFAULT_LEASE), new LocalPerPersonLimit());
    }

    /** In this process's memory. */
    public static SharedState local() {
        return new SharedState(null, null);
    }

    /**
     * On Redis when {@code config} is present (connecting now, but starting even when Redis cannot be reached),
     * each fallback told to {@code fallbacks} with the store's name; else {@link #local()}.
     */
    public static SharedState open(Optional<RedisConfig> config, Consumer<String> fallbacks) {
        return config.map(c -> new SharedState(RedisState.open(c), new Fallback(fallbacks)))
                .orElseGet(SharedState::local);
    }

    /** Whether the state is shared with other replicas (Redis). */
    public boolean shared() {
        return redis != null;
    }

    /**
     * A key-value store for {@code name}'s facts (claims, threads, messages): shared, or in memory with at most
     * {@code localMaximumSize} entries (also the bound of the fallback).
     */
    public KeyValueStore keyValues(String name, long localMaximumSize) {
        KeyValueStore local = new CaffeineKeyValueStore(localMaximumSize, Ticker.systemTicker());
        return redis == null ? local : fallback.keyValues(name, new RedisKeyValueStore(redis), local);
    }

    /** Conversation history: shared, or {@code local}'s. */
    public ConversationStore conversations(Supplier<ConversationStore> local) {
        return redis == null ? local.get() : fallback.conversations(new RedisConversationStore(redis), local.get());
    }

    /** The per-person limit: one count for every replica, or this process's. */
    public PerPersonLimit perPersonLimit() {
        return perPersonLimit;
    }

    /** Where votes go: the shared stream (with {@code local} while Redis fails), or {@code local}. */
    public FeedbackSink feedback(FeedbackSink local) {
        return redis == null ? local : fallback.feedback(new RedisFeedbackStream(redis), local);
    }

    /** What keeps the shared state from serving, for {@code /readyz}; always empty in memory. */
    public Optional<String> problem() {
        return redis == null ? Optional.empty() : redis.problem();
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
