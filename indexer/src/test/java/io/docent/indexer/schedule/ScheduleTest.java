package io.docent.indexer.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.indexer.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void durations_and_cron_expressions_are_both_accepted() {
        assertThat(Schedule.parse("1h", ZoneOffset.UTC)).isEqualTo(new Schedule.Every(Duration.ofHours(1)));
        assertThat(Schedule.parse("1h30m", ZoneOffset.UTC)).isEqualTo(new Schedule.Every(Duration.ofMinutes(90)));
        assertThat(Schedule.parse("PT15M", ZoneOffset.UTC)).isEqualTo(new Schedule.Every(Duration.ofMinutes(15)));
        assertThat(Schedule.parse("2d", ZoneOffset.UTC)).isEqualTo(new Schedule.Every(Duration.ofDays(2)));
        assertThat(Schedule.parse("0 3 * * *", ZoneOffset.UTC)).isInstanceOf(CronExpression.class);
    }

    @Test
    void nonsense_and_too_short_intervals_are_refused() {
        assertThatThrownBy(() -> Schedule.parse("hourly", ZoneOffset.UTC))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("'hourly' is neither a duration");
        assertThatThrownBy(() -> Schedule.parse("10s", ZoneOffset.UTC)).hasMessageContaining("at least 1m");
        assertThatThrownBy(() -> Schedule.parse("1h x", ZoneOffset.UTC))
                .isInstanceOf(DocentException.InvalidInput.class);
    }

    @Test
    void every_hour_runs_now_then_hourly_from_each_start() throws InterruptedException {
        MutableClock clock = new MutableClock(T0);
        List<Instant> starts = new ArrayList<>();
        ScheduledRunner runner = new ScheduledRunner(Schedule.parse("1h", ZoneOffset.UTC), clock, clock::advanceTo);

        runner.run(
                () -> {
                    starts.add(clock.instant());
                    clock.advance(Duration.ofMinutes(10)); // the run takes 10 minutes
                    return starts.size() < 3;
                },
                true);

        assertThat(starts).containsExactly(T0, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)));
    }

    @Test
    void a_run_that_overruns_its_next_start_is_followed_by_one_run_at_once() throws InterruptedException {
        MutableClock clock = new MutableClock(T0);
        List<Instant> starts = new ArrayList<>();
        ScheduledRunner runner = new ScheduledRunner(Schedule.parse("1h", ZoneOffset.UTC), clock, clock::advanceTo);

        runner.run(
                () -> {
                    starts.add(clock.instant());
                    clock.advance(starts.size() == 1 ? Duration.ofMinutes(150) : Duration.ofMinutes(5));
                    return starts.size() < 3;
                },
                true);

        assertThat(starts).containsExactly(T0, T0.plus(Duration.ofMinutes(150)), T0.plus(Duration.ofMinutes(210)));
    }

    @Test
    void a_cron_schedule_waits_for_its_first_start_and_survives_a_failed_run() throws InterruptedException {
        MutableClock clock = new MutableClock(T0);
        List<Instant> starts = new ArrayList<>();
        ScheduledRunner runner =
                new ScheduledRunner(Schedule.parse("0 3 * * *", ZoneOffset.UTC), clock, clock::advanceTo);

        runner.run(
                () -> {
                    starts.add(clock.instant());
                    if (starts.size() == 1) {
                        throw new DocentException("the index is down");
                    }
                    return starts.size() < 2;
                },
                false);

        assertThat(starts)
                .containsExactly(Instant.parse("2026-03-11T03:00:00Z"), Instant.parse("2026-03-12T03:00:00Z"));
    }

    @Test
    void waiting_ends_when_the_thread_is_interrupted() {
        MutableClock clock = new MutableClock(T0);
        ScheduledRunner runner = new ScheduledRunner(Schedule.parse("1h", ZoneOffset.UTC), clock, when -> {
            throw new InterruptedException("Ctrl-C");
        });

        assertThatThrownBy(() -> runner.run(() -> true, false)).isInstanceOf(InterruptedException.class);
    }
}
