package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInLimiterTest {

    /** A ticker the test moves by hand. */
    static final class FakeTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong();

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }
    }

    private final FakeTicker ticker = new FakeTicker();
    private final SignInLimiter limiter = new SignInLimiter(ticker);

    @Test
    void five_wrong_keys_in_a_minute_block_the_address_until_the_minute_ends() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("203.0.113.7");
            ticker.advance(Duration.ofSeconds(5));
        }
        assertThat(limiter.blockedFor("203.0.113.7")).isEmpty();

        limiter.failed("203.0.113.7");

        assertThat(limiter.blockedFor("203.0.113.7")).hasValue(Duration.ofSeconds(40));
        assertThat(limiter.blockedFor("198.51.100.1")).as("another address").isEmpty();
        ticker.advance(Duration.ofSeconds(40));
        assertThat(limiter.blockedFor("203.0.113.7")).isEmpty();
    }

    @Test
    void failures_spread_over_more_than_a_minute_never_block() {
        for (int i = 0; i < 20; i++) {
            limiter.failed("203.0.113.7");
            ticker.advance(Duration.ofSeconds(15));
            if (i % 4 == 3) {
                ticker.advance(Duration.ofSeconds(1));
            }
            assertThat(limiter.blockedFor("203.0.113.7"))
                    .as("after failure %d", i + 1)
                    .isEmpty();
        }
    }

    @Test
    void retry_after_is_whole_seconds_rounded_up_and_at_least_one() {
        assertThat(SignInLimiter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(SignInLimiter.retryAfterSeconds(Duration.ofMillis(40_001))).isEqualTo(41);
        assertThat(SignInLimiter.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
    }
}
