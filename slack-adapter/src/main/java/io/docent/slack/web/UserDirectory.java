package io.docent.slack.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.model.User;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's display names by user id, from {@code users.info}, cached (names change rarely; a question mentioning a
 * colleague should not cost a Web API call each time). A lookup that fails falls back to the id and is not cached,
 * so a passing error does not stick.
 */
public final class UserDirectory {

    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    public static final Duration DEFAULT_TTL = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private final Function<String, User> lookup;
    private final Cache<String, String> names;

    public UserDirectory(Function<String, User> lookup, Ticker ticker) {
        this.lookup = lookup;
        this.names = Caffeine.newBuilder()
                .maximumSize(DEFAULT_MAXIMUM_SIZE)
                .expireAfterWrite(DEFAULT_TTL)
                .ticker(ticker)
                .build();
    }

    /** The display name of {@code userId} (display name, else real name, else user name), or the id itself. */
    public String name(String userId) {
        String cached = names.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        try {
            User user = lookup.apply(userId);
            if (user == null) {
                return userId;
            }
            String name = pick(user);
            names.put(userId, name);
            return name;
        } catch (RuntimeException e) {
            log.warn("users.info failed for {}: {}", userId, e.getMessage());
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
