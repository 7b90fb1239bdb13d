package io.docent.indexer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.testing.CollectingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile zips: each bad entry is refused with a reason, the rest is read, and nothing lands outside the export. */
class ZipSafetyTest {

    @TempDir
    Path dir;

    private ExportOptions.Builder options() {
        return ExportOptions.builder().tempDir(dir.resolve("tmp"));
    }

    private CollectingSink read(Path zip, ExportOptions options) {
        return CollectingSink.read(ExportReaders.detect(zip, options));
    }

    @Test
    void entries_that_climb_out_or_are_absolute_are_refused_and_the_rest_is_read() throws IOException {
        Path zip = new Zips()
                .add("good.md", "# Good")
                .add("x/../../evil.md", "# Evil")
                .add("/etc/abs.md", "# Absolute")
                .add("C:\\win\\abs.md", "# Windows")
                .add("a\\..\\..\\back.md", "# Backslashes")
                .write(dir.resolve("slip.zip"));

        CollectingSink sink = read(zip, options().build());

        assertThat(sink.byId()).containsOnlyKeys("good.md");
        assertThat(sink.failures)
                .extracting(ReadFailure::path)
                // Windows separators are reported as the zip library reads them, as forward slashes
                .containsExactlyInAnyOrder("x/../../evil.md", "/etc/abs.md", "C:/win/abs.md", "a/../../back.md");
        assertThat(sink.failures).allMatch(f -> f.reason().contains("not extracted"));
        assertThat(dir.resolve("evil.md")).doesNotExist();
        assertThat(dir.resolveSibling("evil.md")).doesNotExist();
    }

    @Test
    void an_entry_that_expands_too_much_is_skipped_as_a_zip_bomb() throws IOException {
        Path zip = new Zips()
                .add("good.md", "# Good")
                .add("bomb.txt", new byte[5 * 1024 * 1024]) // zeros: about 1000 to 1
                .write(dir.resolve("bomb.zip"));

        CollectingSink sink = read(zip, options().build());

        assertThat(sink.byId()).containsOnlyKeys("good.md");
        assertThat(sink.failures).singleElement().satisfies(f -> {
            assertThat(f.documentId()).isEqualTo("bomb.txt");
            assertThat(f.reason()).contains("more than 100 times its compressed size", "zip bomb");
        });
    }

    @Test
    void a_zip_that_expands_past_the_total_limit_is_refused_whole() throws IOException {
        Zips zips = new Zips();
        for (int i = 0; i < 3; i++) {
            zips.add("part" + i + ".txt", "x".repeat(60_000));
        }
        Path zip = zips.write(dir.resolve("big.zip"));

        assertThatThrownBy(() -> read(zip, options().maxZipBytes(100_000).build()))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("expands to more than the limit of 98 KB");
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_zip_with_too_many_entries_is_refused_whole() throws IOException {
        Path zip = new Zips().add("a.md", "a").add("b.md", "b").add("c.md", "c").write(dir.resolve("many.zip"));

        assertThatThrownBy(() -> read(zip, options().maxZipEntries(2).build()))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("3 entries, more than the limit of 2");
    }

    @Test
    void a_file_over_the_size_cap_is_skipped_but_entities_xml_has_a_cap_of_its_own() throws IOException {
        String entities = "<?xml version=\"1.0\"?><hibernate-generic>"
                + "<object class=\"Page\"><id name=\"id\">1</id><property name=\"title\">Big</property>"
                + "<collection name=\"bodyContents\"><element><id name=\"id\">2</id></element></collection></object>"
                + "<object class=\"BodyContent\"><id name=\"id\">2</id><property name=\"body\"><![CDATA[<p>"
                + "word ".repeat(1_000) + "</p>]]></property><property name=\"content\" class=\"Page\">"
                + "<id name=\"id\">1</id></property></object></hibernate-generic>";
        Path xmlZip = new Zips().add("entities.xml", entities).write(dir.resolve("xml.zip"));
        Path filesZip = new Zips()
                .add("small.md", "# Small")
                .add("large.md", "# Large\n" + "word ".repeat(1_000))
                .write(dir.resolve("files.zip"));

        CollectingSink xml = read(xmlZip, options().maxFileBytes(1_000).build());
        CollectingSink files = read(filesZip, options().maxFileBytes(1_000).build());

        assertThat(xml.byId()).containsOnlyKeys("1");
        assertThat(files.byId()).containsOnlyKeys("small.md");
        assertThat(files.failures).singleElement().satisfies(f -> {
            assertThat(f.documentId()).isEqualTo("large.md");
            assertThat(f.reason()).contains("larger than the 1000 bytes limit");
        });
    }

    @Test
    void an_encrypted_entry_is_reported_and_the_rest_is_read() throws IOException {
        Path zip = new Zips().add("secret.md", "# Secret").write(dir.resolve("enc.zip"));
        Zips.markEncrypted(zip);

        CollectingSink sink = read(zip, options().build());

        assertThat(sink.documents).isEmpty();
        assertThat(sink.failures).singleElement().satisfies(f -> {
            assertThat(f.documentId()).isEqualTo("secret.md");
            assertThat(f.reason()).contains("encrypted (password-protected)");
        });
    }

    @Test
    void a_name_given_twice_keeps_the_first_entry() throws IOException {
        Path zip = new Zips().add("one.md", "# First").add("two.md", "# Second").write(dir.resolve("dup.zip"));
        Zips.rename(zip, "two.md", "one.md");

        CollectingSink sink = read(zip, options().build());

        assertThat(sink.get("one.md").title()).isEqualTo("First");
        assertThat(sink.failures).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("appears twice"));
    }

    @Test
    void a_symbolic_link_entry_is_not_followed_and_only_warned_about() throws IOException {
        Path zip = dir.resolve("links.zip");
        try (var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zip)) {
            var page = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("page.md");
            out.putArchiveEntry(page);
            out.write("# Page".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeArchiveEntry();
            var link = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("passwd.md");
            link.setUnixMode(0120777); // a symbolic link to /etc/passwd
            out.putArchiveEntry(link);
            out.write("/etc/passwd".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }

        CollectingSink sink = read(zip, options().build());

        assertThat(sink.byId()).containsOnlyKeys("page.md");
        assertThat(sink.failures).isEmpty();
        assertThat(sink.warningsBesidesPermissions()).containsExactly("passwd.md: symbolic link, not followed");
    }

    @Test
    void a_file_that_is_not_a_zip_is_invalid_input() throws IOException {

        Path fake = Files.writeString(dir.resolve("export.zip"), "this is not a zip at all");

        assertThatThrownBy(() -> ExportReaders.detect(fake, options().build()))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("is not a readable zip");
    }
}
