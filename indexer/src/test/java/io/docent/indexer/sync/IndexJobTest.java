package io.docent.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.core.InMemorySearchIndex;
import io.docent.indexer.export.ExportOptions;
import io.docent.indexer.schedule.Schedule;
import io.docent.indexer.testing.HashingEmbedder;
import io.docent.indexer.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexJobTest {

    @TempDir
    Path dir;

    private final InMemorySearchIndex index = new InMemorySearchIndex();

    private Path export() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.writeString(export.resolve("a.md"), "# A\n\nAlpha.");
        Files.writeString(export.resolve("b.md"), "# B\n\nBeta.");
        return export;
    }

    @Test
    void one_run_syncs_writes_the_report_and_returns_the_exit_code() throws Exception {
        IndexJob job = IndexJob.builder(index, new HashingEmbedder(), "docs", export())
                .lockFolder(dir.resolve("index"))
                .report(dir.resolve("report.json"))
                .build();

        int exit = job.run();

        assertThat(exit).isZero();
        assertThat(index.listDocuments("docs")).hasSize(2);
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"added\" : 2", "\"format\" : \"files\"");
    }

    @Test
    void a_second_job_on_the_same_index_is_refused() throws Exception {
        Path export = export();
        try (IndexLock held = IndexLock.acquire(dir.resolve("index"), "the first job", Clock.systemUTC())) {
            IndexJob second = IndexJob.builder(index, new HashingEmbedder(), "docs", export)
                    .lockFolder(dir.resolve("index"))
                    .build();

            assertThatThrownBy(second::run)
                    .isInstanceOf(IndexLockedException.class)
                    .hasMessageContaining("command=the first job");
        }
        assertThat(index.listDocuments("docs")).isEmpty();
    }

    @Test
    void a_scheduled_job_runs_on_every_start_and_sees_the_export_change() throws Exception {
        Path export = export();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        List<SyncResult> results = new ArrayList<>();
        IndexJob job = IndexJob.builder(index, new HashingEmbedder(), "docs", export)
                .schedule(Schedule.parse("1h", ZoneOffset.UTC))
                .clock(clock)
                .alarmClock(clock::advanceTo)
                .afterEachRun(result -> {
                    results.add(result);
                    clock.advance(Duration.ofMinutes(5));
                    if (results.size() == 1) {
                        write(export.resolve("c.md"), "# C\n\nGamma.");
                    }
                    return results.size() < 3;
                })
                .build();

        job.run();

        assertThat(results).extracting(SyncResult::added).containsExactly(2, 1, 0);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-10T11:05:00Z"));
    }

    @Test
    void a_missing_export_or_a_bad_format_is_invalid_input() {
        IndexJob missing = IndexJob.builder(index, new HashingEmbedder(), "docs", dir.resolve("nowhere"))
                .build();

        assertThatThrownBy(missing::run).isInstanceOf(DocentException.InvalidInput.class);
        assertThatThrownBy(() -> ExportOptions.builder().format("pdf"))
                .isInstanceOf(DocentException.InvalidInput.class);
        assertThatThrownBy(() -> IndexJob.builder(index, new HashingEmbedder(), " ", dir))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("--source");
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
