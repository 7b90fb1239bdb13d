package io.docent.slack.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People by user id, from {@code users.info}, cached: their names for mentions in questions, and who they are to the
 * organisation (team, email, guest or not) for what they may read. Concurrent questions about the same person share
 * one call. A lookup that fails is not cached, so a passing error does not stick; "not visible" (another
 * organisation's person) is an answer and is cached.
 *
 * <p>Entries live {@link #DEFAULT_TTL}: a person made a guest, or one whose email changed, is seen as such within
 * the hour. Names change rarely, but one cache keeps the two from disagreeing.
 */
public final class UserDirectory {

    public static final long DEFAULT_MAXIMUM_SIZE = 20_000;
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private final Function<String, UsersInfoResponse> lookup;
    private final AsyncCache<String, SlackUser> users;

    /** {@code lookup} is {@code users.info}: Slack's response, {@code ok:false} included; it may throw. */
    public UserDirectory(Function<String, UsersInfoResponse> lookup, Ticker ticker) {
        this.lookup = lookup;
        this.users = Caffeine.newBuilder()
                .maximumSize(DEFAULT_MAXIMUM_SIZE)
                .expireAfterWrite(DEFAULT_TTL)
                .ticker(ticker)
                .buildAsync();
    }

    /** The display name of {@code userId} (display name, else real name, else user name), or the id itself. */
    public String name(String userId) {
        return user(userId).name();
    }

    /** What Slack says of {@code userId}; {@link SlackUser.Lookup#FAILED} when it could not be asked. Never throws. */
    public SlackUser user(String userId) {
        if (userId == null || userId.isBlank()) {
            return SlackUser.failed(userId == null ? "" : userId);
        }
        CompletableFuture<SlackUser> mine = new CompletableFuture<>();
        CompletableFuture<SlackUser> existing = users.asMap().putIfAbsent(userId, mine);
        if (existing == null) {
            SlackUser user = ask(userId);
            mine.complete(user);
            if (user.lookup() == SlackUser.Lookup.FAILED) {
                users.asMap().remove(userId, mine); // not cached: ask again next time
            }
            return user;
        }
        try {
            return existing.join();
        } catch (RuntimeException e) {
            return SlackUser.failed(userId);
        }
    }

    private SlackUser ask(String userId) {
        try {
            UsersInfoResponse response = lookup.apply(userId);
            SlackUser user = SlackUser.from(userId, response);
            if (user.lookup() == SlackUser.Lookup.FAILED) {
                log.warn(
                        "users.info failed for {}: {}", userId, response == null ? "no response" : response.getError());
            }
            return user;
        } catch (RuntimeException e) {
            log.warn("users.info failed for {}: {}", userId, e.getMessage());
            return SlackUser.failed(userId);
        }
    }
}
