package io.docent.slack.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Deduplicator dedup = new Deduplicator(Duration.ofMinutes(10), nanos::get);

    @Test
    void claims_an_event_id_once() {
        assertThat(dedup.firstEvent("Ev1")).isTrue();
        assertThat(dedup.firstEvent("Ev1")).isFalse();
        assertThat(dedup.firstEvent("Ev2")).isTrue();
    }

    @Test
    void claims_a_message_once_whatever_event_brought_it() {
        assertThat(dedup.firstMessage("C1", "1.1")).isTrue();
        assertThat(dedup.firstMessage("C1", "1.1")).isFalse();
        assertThat(dedup.firstMessage("C2", "1.1")).isTrue();
    }

    @Test
    void forgets_after_the_ttl() {
        dedup.firstEvent("Ev1");
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertThat(dedup.firstEvent("Ev1")).isFalse();

        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(dedup.firstEvent("Ev1")).isTrue();
    }

    @Test
    void never_drops_events_without_an_id() {
        assertThat(dedup.firstEvent("")).isTrue();
        assertThat(dedup.firstEvent("")).isTrue();
    }
}
