package io.docent.indexer.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.AccessGroups;
import io.docent.core.SourceDocument;
import io.docent.indexer.Permissions;
import io.docent.indexer.testing.CollectingSink;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports that carry no permissions (plain folders, Confluence HTML exports), read the way {@code docent index} reads
 * them: for administrators only, said once, unless the admin declares the source public ({@code --public}).
 */
class PublicSourceTest {

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Paths.get(
                    PublicSourceTest.class.getResource("/exports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private CollectingSink read(Path export, boolean publicSource) {
        return CollectingSink.read(ExportReaders.detect(
                export,
                ExportOptions.builder()
                        .tempDir(dir.resolve("tmp"))
                        .publicSource(publicSource)
                        .build()));
    }

    private Path folder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("handbook/hr"));
        Files.writeString(folder.resolve("leave.md"), "# Leave\n\n25 days.");
        Files.writeString(folder.resolve("travel.md"), "# Travel\n\nBook through the portal.");
        return dir.resolve("handbook");
    }

    @Test
    void a_plain_folder_is_for_administrators_only_and_the_report_says_so_once() throws IOException {
        CollectingSink sink = read(folder(), false);

        assertThat(sink.documents).hasSize(2).allSatisfy(d -> assertThat(d.accessGroups())
                .isEmpty());
        assertThat(sink.warnings)
                .singleElement()
                .asString()
                .startsWith("(every document): " + Permissions.UNKNOWN)
                .contains("--public");
    }

    @Test
    void a_plain_folder_declared_public_is_readable_by_everyone() throws IOException {
        CollectingSink sink = read(folder(), true);

        assertThat(sink.documents).hasSize(2).allSatisfy(d -> assertThat(d.accessGroups())
                .containsExactly(AccessGroups.PUBLIC));
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void a_zipped_folder_declared_public_is_readable_by_everyone() throws IOException {
        Path zip = new Zips().addFolder(folder(), "handbook/").write(dir.resolve("handbook.zip"));

        assertThat(read(zip, true).documents).hasSize(2).allSatisfy(d -> assertThat(d.accessGroups())
                .containsExactly(AccessGroups.PUBLIC));
    }

    @Test
    void a_confluence_html_export_declared_public_is_readable_by_everyone_and_otherwise_by_administrators()
            throws IOException {
        CollectingSink closed = read(resource("confluence-html"), false);
        CollectingSink open = read(resource("confluence-html"), true);

        assertThat(closed.documents).isNotEmpty().allSatisfy(d -> assertThat(d.accessGroups())
                .isEmpty());
        assertThat(closed.warnings).anyMatch(w -> w.contains(Permissions.UNKNOWN));
        assertThat(open.documents).isNotEmpty().allSatisfy(d -> assertThat(d.accessGroups())
                .containsExactly(AccessGroups.PUBLIC));
    }

    @Test
    void declaring_a_source_public_changes_its_content_hashes_so_the_next_sync_rewrites_it() throws IOException {
        Path folder = folder();

        assertThat(read(folder, true).get("hr/leave.md").contentHash())
                .isNotEqualTo(read(folder, false).get("hr/leave.md").contentHash());
    }

    @Test
    void the_confluence_xml_fixture_under_public_keeps_its_space_permissions() {
        SourceDocument home = read(resource("confluence-xml"), true).get("1001");

        assertThat(home.accessGroups()).containsExactlyInAnyOrder("engineering", "confluence-administrators");
    }
}
