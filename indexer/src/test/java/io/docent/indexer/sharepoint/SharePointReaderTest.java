package io.docent.indexer.sharepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.AccessGroups;
import io.docent.core.SourceDocument;
import io.docent.indexer.Permissions;
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
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture in {@code src/test/resources/exports/sharepoint}, in the layout of {@code docs/indexing.md}. */
class SharePointReaderTest {

    @TempDir
    Path export;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path fixture = Paths.get(getClass().getResource("/exports/sharepoint").toURI());
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
    }

    private CollectingSink read() {
        ExportReader reader = ExportReaders.detect(export, ExportOptions.defaults());
        assertThat(reader.format()).isEqualTo(ExportFormat.SHAREPOINT);
        return CollectingSink.read(reader);
    }

    @Test
    void a_file_takes_url_date_authors_and_access_groups_from_its_drive_item() {
        SourceDocument leave = read().get("Shared Documents/Policies/Leave.md");

        assertThat(leave.title()).isEqualTo("Leave Policy");
        assertThat(leave.space()).isEqualTo("HR Site");
        assertThat(leave.breadcrumb()).containsExactly("Shared Documents", "Policies");
        assertThat(leave.url())
                .isEqualTo("https://contoso.sharepoint.com/sites/hr/Shared%20Documents/Policies/Leave.md");
        assertThat(leave.lastModified()).isEqualTo(Instant.parse("2026-02-20T14:30:00Z"));
        assertThat(leave.metadata())
                .containsEntry("author", "Megan Bowen")
                .containsEntry("lastModifiedBy", "Alex Wilber");
        assertThat(leave.accessGroups())
                .containsExactlyInAnyOrder(
                        "sitegroup:HR Site Visitors",
                        "group:6bd1d1c2-8f3a-4b5e-9d4c-0a1b2c3d4e5f",
                        "user:pattif@contoso.com");
    }

    @Test
    void an_organisation_wide_link_makes_a_file_readable_by_every_employee() {
        assertThat(read().get("Shared Documents/Handbook.md").accessGroups())
                .containsExactlyInAnyOrder(AccessGroups.EMPLOYEES, "group:11111111-2222-3333-4444-555555555555");
    }

    @Test
    void a_file_without_a_drive_item_is_read_as_a_plain_file_for_administrators_only() {
        CollectingSink sink = read();
        SourceDocument notes = sink.get("Shared Documents/Notes.txt");

        assertThat(notes.accessGroups()).isEmpty();
        assertThat(notes.space()).isEqualTo("HR Site");
        assertThat(notes.url()).startsWith("file:");
        assertThat(sink.warnings)
                .contains("Shared Documents/Notes.txt: " + Permissions.UNKNOWN
                        + " (no Notes.txt.driveItem.json beside it)");
    }

    @Test
    void a_published_site_page_is_read_from_its_web_parts_and_a_draft_is_skipped() {
        CollectingSink sink = read();

        SourceDocument home = sink.get("SitePages/Home.aspx");
        assertThat(home.title()).isEqualTo("HR Home");
        assertThat(home.url()).isEqualTo("https://contoso.sharepoint.com/sites/hr/SitePages/Home.aspx");
        assertThat(home.content())
                .isEqualTo("Everything HR in one place.\n\n## Benefits\n\nHealth cover starts on day one.\n\n"
                        + "Upcoming holidays\n\nPublic holidays by country\n\nQuestions? Write to hr@contoso.com.");
        assertThat(home.metadata()).containsEntry("author", "Rahul Mittal");
        assertThat(sink.byId()).doesNotContainKey("SitePages/Reorg.aspx");
        assertThat(sink.documents).noneMatch(d -> d.content().contains("CONFIDENTIAL"));
        assertThat(sink.skipped).contains("SitePages/Reorg.aspx", "SitePages/Home.aspx");
        assertThat(sink.documents)
                .filteredOn(d -> d.id().equals("SitePages/Home.aspx"))
                .hasSize(1);
        assertThat(sink.expected).isEqualTo(sink.documents.size() + sink.skipped.size() + sink.failures.size());
    }

    @Test
    void office_files_in_a_library_are_read_through_tika() throws IOException {
        Files.write(
                export.resolve("Shared Documents/Policies/Expenses.docx"),
                OfficeFiles.docx("Expenses", "Claims", "Claims are paid monthly."));

        assertThat(read().get("Shared Documents/Policies/Expenses.docx").content())
                .contains("Claims are paid monthly.");
    }

    @Test
    void a_broken_drive_item_fails_its_file_instead_of_dropping_its_permissions() throws IOException {
        Files.writeString(
                export.resolve("Shared Documents/Policies/Leave.md.driveItem.json"), "{\"name\": \"Leave.md\", ");

        CollectingSink sink = read();

        assertThat(sink.byId()).doesNotContainKey("Shared Documents/Policies/Leave.md");
        assertThat(sink.failures).singleElement().satisfies(f -> {
            assertThat(f.documentId()).isEqualTo("Shared Documents/Policies/Leave.md");
            assertThat(f.reason()).contains("Leave.md.driveItem.json cannot be read", "permissions");
        });
    }
}
