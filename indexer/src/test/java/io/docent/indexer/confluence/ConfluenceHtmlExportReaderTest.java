package io.docent.indexer.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.SourceDocument;
import io.docent.indexer.export.ExportFormat;
import io.docent.indexer.export.ExportOptions;
import io.docent.indexer.export.ExportReader;
import io.docent.indexer.export.ExportReaders;
import io.docent.indexer.testing.CollectingSink;
import io.docent.indexer.testing.OfficeFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfluenceHtmlExportReaderTest {

    @TempDir
    Path export;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path fixture =
                Paths.get(getClass().getResource("/exports/confluence-html").toURI());
        Files.walkFileTree(fixture, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(export.resolve(fixture.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, export.resolve(fixture.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
        Files.write(
                export.resolve("attachments/1002/runbook.pdf"),
                OfficeFiles.pdf("Roll back with gxctl rollback.", null));
        Files.createDirectories(export.resolve("attachments/9999"));
        Files.write(export.resolve("attachments/9999/orphan.docx"), OfficeFiles.docx("Orphan", "Orphan", "No page."));
        Files.write(export.resolve("attachments/1002/locked.docx"), OfficeFiles.encryptedDocx("pw"));
    }

    @Test
    void attachments_become_documents_linked_to_their_page() {
        ExportReader reader = ExportReaders.detect(export, ExportOptions.defaults());
        CollectingSink sink = CollectingSink.read(reader);

        assertThat(reader.format()).isEqualTo(ExportFormat.CONFLUENCE_HTML);
        SourceDocument pdf = sink.get("attachments/1002/runbook.pdf");
        assertThat(pdf.content()).contains("Roll back with gxctl rollback.");
        assertThat(pdf.space()).isEqualTo("Globex Handbook");
        assertThat(pdf.breadcrumb()).containsExactly("Engineering", "Deploying to Production");
        assertThat(pdf.metadata())
                .containsEntry("attachedToPageId", "1002")
                .containsEntry("attachedToPage", "Deploying to Production");
        assertThat(sink.byId())
                .containsKey("Deploying-to-Production_1002.html")
                .doesNotContainKey("attachments/1002/rollout.png");
    }

    @Test
    void an_attachment_without_its_page_is_still_indexed_and_a_locked_one_is_reported() {
        CollectingSink sink = CollectingSink.read(ExportReaders.detect(export, ExportOptions.defaults()));

        assertThat(sink.get("attachments/9999/orphan.docx").metadata()).containsEntry("attachedToPageId", "9999");
        assertThat(sink.failures).singleElement().satisfies(f -> {
            assertThat(f.documentId()).isEqualTo("attachments/1002/locked.docx");
            assertThat(f.reason()).isEqualTo("password-protected; skipped");
        });
    }
}
