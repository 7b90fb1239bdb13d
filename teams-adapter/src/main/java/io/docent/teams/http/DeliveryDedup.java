package io.docent.teams.http;

import com.github.benmanes.caffeine.cache.Ticker;
import com.microsoft.bot.schema.Activity;
import io.docent.core.KeyValueStore;
import io.docent.core.memory.CaffeineKeyValueStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Remembers the activities already taken, so that a redelivery (Bot Service retries when a response is slow or
 * lost) is acknowledged but not answered again. Keyed by channel, conversation and activity id, for {@code ttl}, in
 * a {@link KeyValueStore}: in memory (bounded in size) for one process, on Redis so that a redelivery reaching another
 * replica is recognised too.
 */
public final class DeliveryDedup {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    static final long MAX_REMEMBERED = 200_000;

    private final KeyValueStore seen;
    private final Duration ttl;

    /** Deliveries kept in {@code seen}, under keys starting {@code teams:delivery:}. */
    public DeliveryDedup(KeyValueStore seen, Duration ttl) {
        this.seen = Objects.requireNonNull(seen, "seen");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** Deliveries kept in memory, timed by {@code ticker}. */
    public DeliveryDedup(Duration ttl, Ticker ticker) {
        this(new CaffeineKeyValueStore(MAX_REMEMBERED, ticker), ttl);
    }

    /** True the first time an activity is seen (and for activities without an id); false for a redelivery. */
    public boolean firstDelivery(Activity activity) {
        String key = key(activity);
        return key == null || seen.putIfAbsent(key, "1", ttl);
    }

    /** Forgets an activity whose processing failed, so that the platform's retry is processed. */
    public void forget(Activity activity) {
        String key = key(activity);
        if (key != null) {
            seen.remove(key);
        }
    }

    private static String key(Activity activity) {
        if (activity.getId() == null || activity.getId().isBlank()) {
            return null;
        }
        String conversation = activity.getConversation() == null
                ? ""
                : activity.getConversation().getId();
        return "teams:delivery:" + activity.getChannelId() + '\n' + conversation + '\n' + activity.getId();
    }
}
