package io.docent.teams.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.microsoft.bot.schema.Activity;
import java.time.Duration;

/**
 * Remembers the activities already taken, so that a redelivery (Bot Service retries when a response is slow or
 * lost) is acknowledged but not answered again. Keyed by channel, conversation and activity id, for {@code ttl},
 * bounded in size. Only one replica sees a given delivery twice if the load balancer is sticky; across replicas a
 * shared store would be needed, which Azure Bot Service's retries (seconds apart, same endpoint) have not required.
 */
public final class DeliveryDedup {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    static final long MAX_REMEMBERED = 200_000;

    private final Cache<String, Boolean> seen;

    public DeliveryDedup(Duration ttl, Ticker ticker) {
        this.seen = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_REMEMBERED)
                .ticker(ticker)
                .build();
    }

    /** True the first time an activity is seen (and for activities without an id); false for a redelivery. */
    public boolean firstDelivery(Activity activity) {
        String key = key(activity);
        return key == null || seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    /** Forgets an activity whose processing failed, so that the platform's retry is processed. */
    public void forget(Activity activity) {
        String key = key(activity);
        if (key != null) {
            seen.invalidate(key);
        }
    }

    private static String key(Activity activity) {
        if (activity.getId() == null || activity.getId().isBlank()) {
            return null;
        }
        String conversation = activity.getConversation() == null
                ? ""
                : activity.getConversation().getId();
        return activity.getChannelId() + '\n' + conversation + '\n' + activity.getId();
    }
}
