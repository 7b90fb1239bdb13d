package io.docent.indexer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.docent.core.DocentException;
import io.docent.core.SourceDocument;
import io.docent.indexer.testing.CollectingSink;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ExportReadersTest {

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Paths.get(
                    ExportReadersTest.class.getResource("/exports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ExportOptions options() {
        return ExportOptions.builder().tempDir(dir.resolve("tmp")).build();
    }

    @Test
    void detects_each_format_from_a_folder() throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("plain")).resolve("notes.md"), "# Notes");
        Path sharepoint = Files.createDirectories(dir.resolve("sp/Shared Documents"));
        Files.writeString(sharepoint.resolve("Policy.docx.driveItem.json"), "{}");

        assertThat(ExportReaders.detect(resource("confluence-xml"), options()).format())
                .isEqualTo(ExportFormat.CONFLUENCE_XML);
        assertThat(ExportReaders.detect(resource("confluence-html"), options()).format())
                .isEqualTo(ExportFormat.CONFLUENCE_HTML);
        assertThat(ExportReaders.detect(dir.resolve("plain"), options()).format())
                .isEqualTo(ExportFormat.FILES);
        assertThat(ExportReaders.detect(dir.resolve("sp"), options()).format()).isEqualTo(ExportFormat.SHAREPOINT);
        assertThat(ExportReaders.detect(resource("confluence-xml/entities.xml"), options())
                        .format())
                .isEqualTo(ExportFormat.CONFLUENCE_XML);
    }

    @Test
    void a_forced_format_wins_over_detection() {
        ExportReader reader = ExportReaders.detect(
                resource("confluence-xml"),
                ExportOptions.builder().format("files").build());

        assertThat(reader.format()).isEqualTo(ExportFormat.FILES);
    }

    @Test
    void an_unknown_format_name_lists_the_known_ones() {
        assertThatThrownBy(() -> ExportOptions.builder().format("wiki"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("'wiki'")
                .hasMessageContaining("confluence-html, confluence-xml, sharepoint, files");
    }

    @Test
    void a_missing_path_or_a_stray_file_is_invalid_input() throws IOException {
        Path stray = Files.writeString(dir.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> ExportReaders.detect(dir.resolve("nowhere"), options()))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ExportReaders.detect(stray, options()))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("neither a folder nor a .zip");
    }

    @Test
    void a_zipped_confluence_xml_export_reads_like_its_folder_and_leaves_no_temporary_files() throws IOException {
        Path zip =
                new Zips().addFolder(resource("confluence-xml"), "ENG-export/").write(dir.resolve("ENG.zip"));

        ExportReader reader = ExportReaders.detect(zip, options());
        CollectingSink sink = CollectingSink.read(reader);

        assertThat(reader.format()).isEqualTo(ExportFormat.CONFLUENCE_XML);
        assertThat(sink.byId()).containsOnlyKeys("1001", "1002", "1007", "1008", "1009");
        assertThat(sink.get("1001").url()).isEqualTo("entities.xml#pageId=1001");
        assertThat(sink.failures).isEmpty();
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_zip_and_the_folder_it_unzips_to_give_the_same_ids() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("unzipped/handbook-2026-03"));
        Files.writeString(Files.createDirectories(folder.resolve("hr")).resolve("leave.md"), "# Leave\n\n25 days.");
        Path zip = new Zips().addFolder(dir.resolve("unzipped"), "").write(dir.resolve("handbook.zip"));

        CollectingSink fromZip = CollectingSink.read(ExportReaders.detect(zip, options()));
        CollectingSink fromFolder = CollectingSink.read(ExportReaders.detect(folder, options()));

        assertThat(fromZip.byId()).containsOnlyKeys("hr/leave.md");
        assertThat(fromFolder.byId()).containsOnlyKeys("hr/leave.md");
        assertThat(fromZip.get("hr/leave.md").url()).isEqualTo("hr/leave.md");
        assertThat(fromZip.get("hr/leave.md").content())
                .isEqualTo(fromFolder.get("hr/leave.md").content());
    }

    @Test
    void a_folder_holding_one_confluence_export_is_read_from_inside_but_a_plain_folder_is_not_unwrapped()
            throws IOException {
        Path wrapper = Files.createDirectories(dir.resolve("wrapper"));
        new Zips().addFolder(resource("confluence-xml"), "").write(dir.resolve("x.zip"));
        Path inner = Files.createDirectories(wrapper.resolve("ENG"));
        Files.copy(resource("confluence-xml/entities.xml"), inner.resolve("entities.xml"));
        Path plain = Files.createDirectories(dir.resolve("plain/hr"));
        Files.writeString(plain.resolve("leave.md"), "# Leave");

        assertThat(ExportReaders.detect(wrapper, options()).format()).isEqualTo(ExportFormat.CONFLUENCE_XML);
        assertThat(CollectingSink.read(ExportReaders.detect(dir.resolve("plain"), options()))
                        .byId())
                .containsOnlyKeys("hr/leave.md");
    }

    @Test
    void a_base_url_is_used_for_zipped_exports_too() throws IOException {
        Path zip = new Zips().add("guide/start.md", "# Start").write(dir.resolve("g.zip"));

        SourceDocument doc = CollectingSink.read(ExportReaders.detect(
                        zip,
                        ExportOptions.builder()
                                .baseUrl("https://docs.example.com/kb")
                                .build()))
                .get("start.md");

        assertThat(doc.url()).isEqualTo("https://docs.example.com/kb/start.md");
    }

    @Test
    @Timeout(10)
    void a_symbolic_link_loop_neither_hangs_detection_nor_reading() throws IOException {
        Path export = Files.createDirectories(dir.resolve("loop/docs"));
        Files.writeString(export.resolve("page.md"), "# Page");
        try {
            Files.createSymbolicLink(export.resolve("again"), dir.resolve("loop"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("symbolic links not supported here: " + e).isTrue();
        }

        ExportReader reader = ExportReaders.detect(dir.resolve("loop"), options());
        CollectingSink sink = CollectingSink.read(reader);

        assertThat(reader.format()).isEqualTo(ExportFormat.FILES);
        assertThat(sink.byId()).containsOnlyKeys("docs/page.md");
        assertThat(sink.warnings).anyMatch(w -> w.contains("docs/again") && w.contains("symbolic link"));
    }
}
