package io.docent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PerPersonLimit} does. {@link #twoViews()} returns two limits on one count, as two replicas see it
 * (for the in-memory limit, the same one twice).
 */
public abstract class PerPersonLimitContract {

    protected abstract PerPersonLimit limit();

    /** Two limits on the same count, as two replicas of a service hold them. */
    protected abstract List<PerPersonLimit> twoViews();

    @Test
    void admits_up_to_the_limit_and_again_once_a_permit_is_released() {
        PerPersonLimit limit = limit();

        Optional<PerPersonLimit.Permit> first = limit.tryAcquire("slack\0T1\0U1", 2);
        Optional<PerPersonLimit.Permit> second = limit.tryAcquire("slack\0T1\0U1", 2);

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(limit.tryAcquire("slack\0T1\0U1", 2)).isEmpty();
        assertThat(limit.tryAcquire("slack\0T1\0U2", 2)).as("another person").isPresent();

        first.get().release();
        first.get().release(); // twice is harmless: frees one place, not two

        assertThat(limit.tryAcquire("slack\0T1\0U1", 2)).isPresent();
        assertThat(limit.tryAcquire("slack\0T1\0U1", 2)).isEmpty();
    }

    @Test
    void the_limit_holds_across_replicas_under_concurrent_questions() throws Exception {
        List<PerPersonLimit> views = twoViews();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        var go = new CountDownLatch(1);
        List<Future<Optional<PerPersonLimit.Permit>>> tries = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            PerPersonLimit view = views.get(i % 2);
            tries.add(pool.submit(() -> {
                go.await();
                return view.tryAcquire("teams\0T1\0U9", 3);
            }));
        }
        go.countDown();
        List<PerPersonLimit.Permit> admitted = new ArrayList<>();
        for (var attempt : tries) {
            attempt.get().ifPresent(admitted::add);
        }
        pool.shutdown();

        assertThat(admitted).hasSize(3);
        admitted.forEach(PerPersonLimit.Permit::release);
        assertThat(views.get(1).tryAcquire("teams\0T1\0U9", 3)).isPresent();
    }
}
