package io.docent.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.Directory;
import io.docent.core.DocentException;
import io.docent.core.Identity;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingDirectoryTest {

    private static final Identity ALICE = Identity.member("teams", "oid-1", "tid", "alice@example.com");
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();
    private final Directory backend = new Directory() {
        @Override
        public Optional<Set<String>> groupsOf(Identity person) {
            calls.incrementAndGet();
            if (down.get()) {
                throw new DocentException.RateLimited("Graph throttled", 1_000, null);
            }
            return Optional.of(Set.of("group:hr"));
        }

        @Override
        public Set<String> everyone() {
            return Set.of("all");
        }
    };
    private final CachingDirectory cached =
            new CachingDirectory(backend, Duration.ofMinutes(60), Duration.ofMinutes(5), ticker);

    @Test
    void asks_the_backend_once_within_the_refresh_time() {
        cached.groupsOf(ALICE);
        cached.groupsOf(ALICE);

        assertThat(calls).hasValue(1);
        assertThat(cached.everyone()).containsExactly("all");
    }

    @Test
    void a_failing_backend_keeps_cached_groups_within_the_ttl_then_makes_the_person_unknown() {
        assertThat(cached.groupsOf(ALICE)).hasValue(Set.of("group:hr"));
        down.set(true);

        advance(Duration.ofMinutes(30));
        assertThat(cached.groupsOf(ALICE))
                .as("refresh failed: cached value kept")
                .hasValue(Set.of("group:hr"));

        advance(Duration.ofMinutes(31));
        assertThat(cached.groupsOf(ALICE)).as("past the TTL").isEmpty();
        assertThat(cached.failures()).isEqualTo(1);
    }

    @Test
    void a_person_never_looked_up_is_unknown_while_the_backend_fails_and_known_once_it_answers() {
        down.set(true);
        assertThat(cached.groupsOf(ALICE)).isEmpty();

        down.set(false);
        assertThat(cached.groupsOf(ALICE)).as("failures are not cached").hasValue(Set.of("group:hr"));
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
