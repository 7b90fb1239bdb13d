package io.docent.app.redis;

import io.docent.core.ConversationStore;
import io.docent.core.KeyValueStore;
import io.docent.core.PerPersonLimit;
import io.docent.core.Turn;
import io.docent.core.feedback.FeedbackRecord;
import io.docent.core.feedback.FeedbackSink;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decorators that use this process's own store whenever the shared one (Redis) fails, so that Redis being away
 * never leaves a question unanswered: a claim is made in local memory (a rare duplicate answer is better than
 * silence), history and thread memory are read and written locally (a follow-up may lack what another replica
 * recorded), the per-person limit counts this replica only, and a vote goes to the local feedback log. Each call
 * tries the shared store first, so they are back on it as soon as Redis answers again.
 *
 * <p>Every fallback is told to {@code listener} with the store's name (for the {@code docent_redis_fallbacks}
 * metric); a warning is logged at the first and then at most once per {@link #WARNING_INTERVAL}, with how many calls
 * fell back, so that an outage is seen without flooding the log.
 */
public final class Fallback {

    static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(Fallback.class);

    private final Consumer<String> listener;
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL.toNanos());

    /** @param listener told the store's name at each fallback (a metric); must not throw */
    public Fallback(Consumer<String> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public KeyValueStore keyValues(String name, KeyValueStore shared, KeyValueStore local) {
        return new KeyValueStore() {
            @Override
            public boolean putIfAbsent(String key, String value, Duration ttl) {
                return call(name, () -> shared.putIfAbsent(key, value, ttl), () -> local.putIfAbsent(key, value, ttl));
            }

            @Override
            public void put(String key, String value, Duration ttl) {
                run(name, () -> shared.put(key, value, ttl), () -> local.put(key, value, ttl));
            }

            @Override
            public Optional<String> get(String key) {
                return call(name, () -> shared.get(key), () -> local.get(key));
            }

            @Override
            public void remove(String key) {
                // both: a claim made locally during an outage is handed back too
                local.remove(key);
                run(name, () -> shared.remove(key), () -> {});
            }
        };
    }

    public ConversationStore conversations(ConversationStore shared, ConversationStore local) {
        return new ConversationStore() {
            @Override
            public List<Turn> history(String conversationId) {
                return call("history", () -> shared.history(conversationId), () -> local.history(conversationId));
            }

            @Override
            public void append(String conversationId, List<Turn> turns) {
                run("history", () -> shared.append(conversationId, turns), () -> local.append(conversationId, turns));
            }
        };
    }

    public PerPersonLimit perPersonLimit(PerPersonLimit shared, PerPersonLimit local) {
        return (person, max) ->
                call("per-person-limit", () -> shared.tryAcquire(person, max), () -> local.tryAcquire(person, max));
    }

    public FeedbackSink feedback(FeedbackSink shared, FeedbackSink local) {
        return (FeedbackRecord record) -> run("feedback", () -> shared.record(record), () -> local.record(record));
    }

    private void run(String store, Runnable shared, Runnable local) {
        call(
                store,
                () -> {
                    shared.run();
                    return null;
                },
                () -> {
                    local.run();
                    return null;
                });
    }

    private <T> T call(String store, Supplier<T> shared, Supplier<T> local) {
        try {
            return shared.get();
        } catch (RuntimeException e) {
            fellBack(store, e);
            return local.get();
        }
    }

    private void fellBack(String store, RuntimeException e) {
        long count = fallbacks.incrementAndGet();
        listener.accept(store);
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARNING_INTERVAL.toNanos() && lastWarning.compareAndSet(last, now)) {
            log.warn(
                    "Shared state unavailable, using this replica's memory ({} so far; {}: {}); a rare duplicate"
                            + " answer or a follow-up without its history is possible until Redis is back",
                    count == 1 ? "1 call" : count + " calls",
                    store,
                    e.getMessage());
        }
    }
}
