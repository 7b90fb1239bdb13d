package io.docent.indexer.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task in the foreground on a {@link Schedule} ({@code docent index --every 1h}), one run at a time.
 *
 * <ul>
 *   <li>Runs never overlap: the next start is computed from the start of the run before. A run that overruns one or
 *       more starts is followed by one immediate run, not by a burst of catch-up runs.
 *   <li>A run that throws is logged and the schedule goes on: a scheduled indexer must survive an index that is
 *       briefly unreachable. The task itself says when to stop, by returning {@code false}.
 *   <li>Waiting is interruptible: interrupting the thread (a shutdown hook on Ctrl-C) ends {@link #run} with
 *       {@link InterruptedException} between runs.
 * </ul>
 *
 * <p>Time and waiting are injected ({@link Clock}, {@link AlarmClock}), so tests run a week of schedule in
 * microseconds.
 */
public final class ScheduledRunner {

    /**
     * Waits until an instant of the runner's clock. Not {@link io.docent.core.Sleeper} (which waits for a duration):
     * the schedule's starts are instants, and waiting for one must notice a clock that jumps while it waits.
     */
    @FunctionalInterface
    public interface AlarmClock {
        void sleepUntil(Instant when) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(ScheduledRunner.class);

    private final Schedule schedule;
    private final Clock clock;
    private final AlarmClock alarmClock;

    /** A runner that really waits, on {@code clock}. */
    public ScheduledRunner(Schedule schedule, Clock clock) {
        this(schedule, clock, sleepingAlarmClock(clock));
    }

    public ScheduledRunner(Schedule schedule, Clock clock, AlarmClock alarmClock) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.alarmClock = Objects.requireNonNull(alarmClock, "alarmClock");
    }

    /**
     * Runs {@code task} at every start until it returns {@code false}.
     *
     * @param startNow run once at once (the usual for {@code --every 1h}); otherwise wait for the first start (the
     *     usual for a cron expression)
     */
    public void run(BooleanSupplier task, boolean startNow) throws InterruptedException {
        Instant start = startNow ? clock.instant() : schedule.next(clock.instant());
        while (true) {
            if (start.isAfter(clock.instant())) {
                log.info("next run at {} ({})", start, schedule);
            }
            alarmClock.sleepUntil(start);
            Instant began = clock.instant();
            boolean more;
            try {
                more = task.getAsBoolean();
            } catch (RuntimeException e) {
                log.error("the run that started at {} failed; the schedule goes on", began, e);
                more = true;
            }
            if (!more) {
                return;
            }
            start = schedule.next(began);
            Instant now = clock.instant();
            if (start.isBefore(now)) {
                log.warn(
                        "the run took {} and overran its next start ({}); running again now",
                        Duration.between(began, now),
                        start);
                start = now;
            }
        }
    }

    /** Sleeps in steps of at most a minute, so a clock that jumps (a laptop waking up) is noticed. */
    public static AlarmClock sleepingAlarmClock(Clock clock) {

        return when -> {
            for (Duration left = Duration.between(clock.instant(), when);
                    left.isPositive();
                    left = Duration.between(clock.instant(), when)) {
                Thread.sleep(Math.min(left.toMillis() + 1, 60_000));
            }
        };
    }
}
