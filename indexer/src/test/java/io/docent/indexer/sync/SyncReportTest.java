package io.docent.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.InMemorySearchIndex;
import io.docent.indexer.export.ExportOptions;
import io.docent.indexer.export.ExportReader;
import io.docent.indexer.export.ExportReaders;
import io.docent.indexer.testing.HashingEmbedder;
import io.docent.indexer.testing.OfficeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncReportTest {

    @TempDir
    Path dir;

    @Test
    void the_report_lists_every_failure_and_warning_with_its_reason() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.writeString(export.resolve("good.md"), "# Good\n\nFine.");
        Files.write(export.resolve("locked.pdf"), OfficeFiles.pdf("Secret", "pw"));
        Files.write(export.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        ExportReader reader = ExportReaders.detect(export, ExportOptions.defaults());
        SyncResult result = SourceSync.builder(new InMemorySearchIndex(), new HashingEmbedder())
                .build()
                .run("docs", reader);
        Path report = dir.resolve("reports/last-run.json");

        SyncReport.write(
                report, result, reader.location(), reader.format().id(), Instant.parse("2026-03-10T03:00:00Z"));

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("source").asText()).isEqualTo("docs");
        assertThat(json.path("format").asText()).isEqualTo("files");
        assertThat(json.path("status").asText()).isEqualTo("DONE_WITH_FAILURES");
        assertThat(json.path("exit_code").asInt()).isEqualTo(1);
        assertThat(json.path("added").asInt()).isEqualTo(2);
        assertThat(json.path("failed")).hasSize(1);
        assertThat(json.path("failed").get(0).path("path").asText()).isEqualTo("locked.pdf");
        assertThat(json.path("failed").get(0).path("reason").asText()).isEqualTo("password-protected; skipped");

        assertThat(json.path("warnings").get(0).path("reason").asText()).contains("not valid UTF-8");
        try (Stream<Path> files = Files.list(report.getParent())) {
            assertThat(files).containsExactly(report); // no temporary file left
        }
    }

    @Test
    void exit_codes_follow_the_status() {
        SyncResult done =
                new SyncResult("s", SyncResult.Status.DONE, "", 0, 0, 0, 0, List.of(), List.of(), 0, Duration.ZERO);
        SyncResult refused = new SyncResult(
                "s", SyncResult.Status.REFUSED, "mass delete", 0, 0, 0, 0, List.of(), List.of(), 0, Duration.ZERO);

        assertThat(SyncReport.exitCode(done)).isZero();
        assertThat(SyncReport.exitCode(refused)).isEqualTo(3);
        assertThat(SyncReport.toJson(refused, "/x", "files", Instant.EPOCH)).contains("\"message\" : \"mass delete\"");
    }
}
