package io.docent.core.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.ConversationStore;
import io.docent.core.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link ConversationStore}: history in memory, bounded three ways (conversations kept, turns per
 * conversation, idle time), so a busy bot cannot run out of memory. Lost on restart and not shared between
 * replicas; use a durable store when running several.
 */
public final class CaffeineConversationStore implements ConversationStore {

    public static final int DEFAULT_MAX_CONVERSATIONS = 10_000;
    public static final int DEFAULT_MAX_TURNS = 40;
    public static final Duration DEFAULT_IDLE_EXPIRY = Duration.ofHours(24);

    private final Cache<String, List<Turn>> conversations;
    private final int maxTurns;

    public CaffeineConversationStore(int maxConversations, int maxTurns, Duration idleExpiry, Ticker ticker) {
        if (maxConversations < 1 || maxTurns < 1) {
            throw new IllegalArgumentException("maxConversations and maxTurns must be >= 1");
        }
        this.maxTurns = maxTurns;
        this.conversations = Caffeine.newBuilder()
                .maximumSize(maxConversations)
                .expireAfterAccess(Objects.requireNonNull(idleExpiry, "idleExpiry"))
                .ticker(Objects.requireNonNull(ticker, "ticker"))
                .build();
    }

    public CaffeineConversationStore() {
        this(DEFAULT_MAX_CONVERSATIONS, DEFAULT_MAX_TURNS, DEFAULT_IDLE_EXPIRY, Ticker.systemTicker());
    }

    @Override
    public List<Turn> history(String conversationId) {
        List<Turn> turns = conversations.getIfPresent(conversationId);
        return turns == null ? List.of() : List.copyOf(turns);
    }

    @Override
    public void append(String conversationId, List<Turn> turns) {
        conversations.asMap().compute(conversationId, (id, existing) -> {
            List<Turn> updated = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
            updated.addAll(turns);
            int excess = updated.size() - maxTurns;
            return excess > 0 ? List.copyOf(updated.subList(excess, updated.size())) : List.copyOf(updated);
        });
    }
}
