package io.docent.indexer.sync;

import io.docent.core.DocentException;
import io.docent.core.Embedder;
import io.docent.core.SearchIndex;
import io.docent.indexer.export.ExportOptions;
import io.docent.indexer.export.ExportReader;
import io.docent.indexer.export.ExportReaders;
import io.docent.indexer.schedule.Schedule;
import io.docent.indexer.schedule.ScheduledRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What {@code docent index} does, wired once so the command line only parses options and prints: hold the index
 * lock, read the export (folder or zip, format detected or forced) with {@link ExportReaders}, sync it with {@link
 * SourceSync}, write the JSON report, and do it once or on a schedule.
 *
 * <pre>{@code
 * int exit = IndexJob.builder(index, embedder, "confluence-eng", Path.of("eng.zip"))
 *         .exportOptions(ExportOptions.builder().format(format).baseUrl(baseUrl).build())
 *         .lockFolder(indexDir)                        // refuses if another indexer holds it
 *         .report(Path.of("report.json"))              // --report
 *         .schedule(Schedule.parse("1h", zone))        // --every; none means one run
 *         .allowMassDelete(allow)
 *         .build()
 *         .run();                                      // 0 done, 1 done with failures, 3 refused
 * }</pre>
 *
 * <p>Errors: bad options and a missing or unreadable export throw {@link DocentException.InvalidInput} (exit code
 * 2); a held lock throws {@link IndexLockedException} (exit code 3). On a schedule, one failed run (an index briefly
 * unreachable, an export that is not there yet) is logged and the next one happens as planned.
 */
public final class IndexJob {

    private final SearchIndex index;
    private final Embedder embedder;
    private final String source;
    private final Path input;
    private final Builder settings;

    private IndexJob(Builder b) {
        this.index = b.index;
        this.embedder = b.embedder;
        this.source = b.source;
        this.input = b.input;
        this.settings = b;
    }

    public static Builder builder(SearchIndex index, Embedder embedder, String source, Path input) {
        return new Builder(index, embedder, source, input);
    }

    /**
     * Runs the job: once, or until interrupted (or until {@link Builder#afterEachRun} says stop) on a schedule.
     *
     * @return the exit code of the last run: 0 done, 1 done with failed entries, 3 refused deletions
     */
    public int run() throws InterruptedException {
        try (IndexLock lock = settings.lockFolder == null
                ? null
                : IndexLock.acquire(settings.lockFolder, "docent index --source " + source, settings.clock)) {
            if (settings.schedule == null) {
                SyncResult result = runOnce();
                settings.afterEachRun.test(result); // told of the one run too; nothing follows it either way
                return SyncReport.exitCode(result);
            }
            int[] last = {0};
            new ScheduledRunner(settings.schedule, settings.clock, settings.alarmClock)
                    .run(
                            () -> {
                                SyncResult result = runOnce();
                                last[0] = SyncReport.exitCode(result);
                                return settings.afterEachRun.test(result);
                            },
                            settings.schedule instanceof Schedule.Every);
            return last[0];
        }
    }

    /** One sync of the export as it is now; the export is detected again each time, as it may have changed. */
    public SyncResult runOnce() {
        Instant started = settings.clock.instant();
        ExportReader reader = ExportReaders.detect(input, settings.exportOptions);
        SourceSync sync = SourceSync.builder(index, embedder)
                .maxDeleteShare(settings.maxDeleteShare)
                .allowMassDelete(settings.allowMassDelete)
                .clock(settings.clock)
                .build();
        SyncResult result = sync.run(source, reader, settings.progress);
        if (settings.report != null) {
            SyncReport.write(
                    settings.report, result, reader.location(), reader.format().id(), started);
        }
        return result;
    }

    /** Settings of an {@link IndexJob}; index, embedder, source and input are required. */
    public static final class Builder {
        private final SearchIndex index;
        private final Embedder embedder;
        private final String source;
        private final Path input;
        private ExportOptions exportOptions = ExportOptions.defaults();
        private Path lockFolder;
        private Path report;
        private Schedule schedule;
        private boolean allowMassDelete;
        private double maxDeleteShare = SourceSync.DEFAULT_MAX_DELETE_SHARE;
        private SyncProgress progress = SyncProgress.NONE;
        private Clock clock = Clock.systemUTC();
        private ScheduledRunner.AlarmClock alarmClock;
        private Predicate<SyncResult> afterEachRun = result -> true;

        private Builder(SearchIndex index, Embedder embedder, String source, Path input) {
            this.index = Objects.requireNonNull(index, "index");
            this.embedder = Objects.requireNonNull(embedder, "embedder");
            if (source == null || source.isBlank()) {
                throw new DocentException.InvalidInput("--source must name the source, e.g. --source confluence-eng");
            }
            this.source = source.strip();
            this.input = Objects.requireNonNull(input, "input");
        }

        public Builder exportOptions(ExportOptions options) {
            this.exportOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The folder whose {@link IndexLock} the job holds (the index folder); none means no lock. */
        public Builder lockFolder(Path folder) {
            this.lockFolder = folder;
            return this;
        }

        /** Where each run writes its JSON report ({@code --report}); none means no report. */
        public Builder report(Path file) {
            this.report = file;
            return this;
        }

        /** Runs on this schedule ({@code --every}) instead of once. */
        public Builder schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder allowMassDelete(boolean allow) {
            this.allowMassDelete = allow;
            return this;
        }

        public Builder maxDeleteShare(double share) {
            this.maxDeleteShare = share;
            return this;
        }

        /** Progress of each run, for a progress bar or log lines. */
        public Builder progress(SyncProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How a scheduled job waits; tests pass a fake one. Default: sleeping on the clock. */
        public Builder alarmClock(ScheduledRunner.AlarmClock alarmClock) {
            this.alarmClock = alarmClock;
            return this;
        }

        /** Called after each scheduled run with its result (to print a summary); {@code false} stops the job. */
        public Builder afterEachRun(Predicate<SyncResult> keepRunning) {
            this.afterEachRun = Objects.requireNonNull(keepRunning, "keepRunning");
            return this;
        }

        public IndexJob build() {
            if (alarmClock == null) {
                alarmClock = ScheduledRunner.sleepingAlarmClock(clock);
            }

            return new IndexJob(this);
        }
    }
}
