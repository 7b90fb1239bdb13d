package io.docent.slack.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.model.User;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's display names by user id, from {@code users.info}, cached (names change rarely; a question mentioning a
 * colleague should not cost a Web API call each time). Concurrent questions naming the same person share one call.
 * A lookup that fails falls back to the id and is not cached, so a passing error does not stick.
 */
public final class UserDirectory {

    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    public static final Duration DEFAULT_TTL = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private final Function<String, User> lookup;
    private final AsyncCache<String, String> names;

    public UserDirectory(Function<String, User> lookup, Ticker ticker) {
        this.lookup = lookup;
        this.names = Caffeine.newBuilder()
                .maximumSize(DEFAULT_MAXIMUM_SIZE)
                .expireAfterWrite(DEFAULT_TTL)
                .ticker(ticker)
                .buildAsync();
    }

    /** The display name of {@code userId} (display name, else real name, else user name), or the id itself. */
    public String name(String userId) {
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> existing = names.asMap().putIfAbsent(userId, mine);
        if (existing == null) {
            try {
                User user = lookup.apply(userId);
                mine.complete(user == null ? null : pick(user)); // null: not cached
            } catch (RuntimeException e) {
                log.warn("users.info failed for {}: {}", userId, e.getMessage());
                mine.completeExceptionally(e); // failed: not cached
            }
            existing = mine;
        }
        try {
            String name = existing.join();
            return name == null ? userId : name;
        } catch (RuntimeException e) {
            return userId;
        }
    }

    private static String pick(User user) {
        User.Profile profile = user.getProfile();
        if (profile != null && notBlank(profile.getDisplayName())) {
            return profile.getDisplayName();
        }
        if (profile != null && notBlank(profile.getRealName())) {
            return profile.getRealName();
        }
        if (notBlank(user.getRealName())) {
            return user.getRealName();
        }
        return notBlank(user.getName()) ? user.getName() : user.getId();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
