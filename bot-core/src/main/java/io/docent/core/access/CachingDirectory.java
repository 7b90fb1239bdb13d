package io.docent.core.access;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.Directory;
import io.docent.core.Identity;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Directory} with a cache in front, keyed by identity.
 *
 * <p>An entry is refreshed in the background once it is older than {@code refreshAfter}, and dropped once it is older
 * than {@code ttl}. While the backend fails (Graph down or throttled), a refresh keeps the entry it had, so people
 * keep their groups within the TTL; after that, or for someone never looked up, a failure makes the person unknown
 * (public documents only), counted in {@link #failures()} and logged. Never "everything".
 */
public final class CachingDirectory implements Directory {

    private static final Logger log = LoggerFactory.getLogger(CachingDirectory.class);
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_REFRESH_AFTER = Duration.ofMinutes(5);

    private final Directory delegate;
    private final LoadingCache<Key, Optional<Set<String>>> cache;
    private final AtomicLong failures = new AtomicLong();

    /** What identifies a person to the directory; the standing is the policy's business, not the cache's. */
    private record Key(String platform, String userId, String tenantId, String email) {}

    public CachingDirectory(Directory delegate, Duration ttl, Duration refreshAfter, Ticker ticker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (ttl.isNegative() || ttl.isZero() || refreshAfter.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("ttl must be positive and longer than refreshAfter");
        }
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(ttl)
                .refreshAfterWrite(refreshAfter)
                .executor(Runnable::run)
                .ticker(ticker)
                .build(key -> delegate.groupsOf(new Identity(
                        key.platform(), key.userId(), key.tenantId(), key.email(), Identity.Standing.MEMBER)));
    }

    public CachingDirectory(Directory delegate) {
        this(delegate, DEFAULT_TTL, DEFAULT_REFRESH_AFTER, Ticker.systemTicker());
    }

    @Override
    public Optional<Set<String>> groupsOf(Identity person) {
        Key key = new Key(person.platform(), person.userId(), person.tenantId(), person.email());
        try {
            return cache.get(key);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            log.warn(
                    "Directory lookup for {} failed; public documents only until it answers: {}",
                    person.logRef(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Set<String> everyone() {
        return delegate.everyone();
    }

    /** Lookups that failed with nothing cached (the asker then saw public documents only). */
    public long failures() {
        return failures.get();
    }
}
