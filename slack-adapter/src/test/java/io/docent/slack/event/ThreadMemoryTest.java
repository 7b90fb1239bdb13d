package io.docent.slack.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThreadMemoryTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ThreadMemory memory = new ThreadMemory(nanos::get);

    @Test
    void knows_nothing_of_a_new_thread() {
        assertThat(memory.state("C1:1.1")).isEqualTo(ThreadMemory.State.UNKNOWN);
    }

    @Test
    void remembers_threads_it_answered_in_over_the_checked_ones() {
        memory.rememberNotAnswered("C1:1.1");
        assertThat(memory.state("C1:1.1")).isEqualTo(ThreadMemory.State.NOT_ANSWERED);

        memory.rememberAnswered("C1:1.1");
        memory.rememberNotAnswered("C1:1.1");
        assertThat(memory.state("C1:1.1")).isEqualTo(ThreadMemory.State.ANSWERED);
    }

    @Test
    void checks_a_thread_without_docent_again_after_a_while() {
        memory.rememberNotAnswered("C1:1.1");
        nanos.addAndGet(
                ThreadMemory.DEFAULT_NEGATIVE_TTL.plus(Duration.ofSeconds(1)).toNanos());

        assertThat(memory.state("C1:1.1")).isEqualTo(ThreadMemory.State.UNKNOWN);
    }
}
