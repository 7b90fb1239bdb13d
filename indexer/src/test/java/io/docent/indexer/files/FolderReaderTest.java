package io.docent.indexer.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.docent.core.DocentException;
import io.docent.core.SourceDocument;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.testing.CollectingSink;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FolderReaderTest {

    @TempDir
    Path root;

    private Path write(String relative, String content) throws IOException {
        return write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private static Path resource(String name) {
        try {
            return Paths.get(
                    FolderReaderTest.class.getResource("/exports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reads_markdown_html_and_text_with_relative_ids_and_titles() throws IOException {
        write("guide.md", "Intro line\n\n# Getting Started\n\nInstall it.\n");
        write(
                "hr/leave/policy.html",
                "<html><head><title>Leave Policy</title></head><body><p>25 days.</p></body></html>");
        write("hr/notes.htm", "<html><body><h1>Notes</h1><p>Some notes.</p></body></html>");
        write("misc/readme.txt", "Plain text.\r\nSecond line.\r\n");
        write("logo.png", "not text");

        CollectingSink sink = CollectingSink.read(FolderReader.of(root));

        assertThat(sink.byId()).containsOnlyKeys("guide.md", "hr/leave/policy.html", "hr/notes.htm", "misc/readme.txt");
        assertThat(sink.get("guide.md").title()).isEqualTo("Getting Started");
        assertThat(sink.get("hr/leave/policy.html").title()).isEqualTo("Leave Policy");
        assertThat(sink.get("hr/leave/policy.html").breadcrumb()).containsExactly("hr", "leave");
        assertThat(sink.get("hr/notes.htm").title()).isEqualTo("Notes");
        assertThat(sink.get("misc/readme.txt").title()).isEqualTo("readme");
        assertThat(sink.get("misc/readme.txt").content()).isEqualTo("Plain text.\nSecond line.");
        assertThat(sink.get("guide.md").source()).isEqualTo("test");
        assertThat(sink.expected).isEqualTo(4);
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void markdown_front_matter_gives_the_title_and_is_not_content() throws IOException {
        write("a.md", "---\ntitle: \"Expense Policy\"\nowner: finance\n---\n# Expenses\n\nKeep receipts.");

        SourceDocument doc = CollectingSink.read(FolderReader.of(root)).get("a.md");

        assertThat(doc.title()).isEqualTo("Expense Policy");
        assertThat(doc.content()).isEqualTo("# Expenses\n\nKeep receipts.");
    }

    @Test
    void urls_are_the_base_url_plus_the_encoded_path_or_else_a_file_uri() throws IOException {
        Path file = write("team docs/ünïcode page.md", "# T\n\ntext");

        SourceDocument withBase = CollectingSink.read(FolderReader.builder(root)
                        .baseUrl("https://wiki.example.com/kb")
                        .build())
                .get("team docs/ünïcode page.md");
        SourceDocument withoutBase = CollectingSink.read(FolderReader.of(root)).get("team docs/ünïcode page.md");

        assertThat(withBase.url()).isEqualTo("https://wiki.example.com/kb/team%20docs/%C3%BCn%C3%AFcode%20page.md");
        assertThat(withoutBase.url())
                .isEqualTo(file.toAbsolutePath().toUri().toString())
                .startsWith("file:");
    }

    @Test
    void a_relative_or_malformed_base_url_is_refused() {
        assertThatThrownBy(() -> FolderReader.builder(root).baseUrl("wiki/kb").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
    }

    @Test
    void the_content_hash_ignores_line_endings_but_not_content_title_or_url() throws IOException {
        write("a.md", "# A\n\nSame text.\n");
        String lf = CollectingSink.read(FolderReader.of(root)).get("a.md").contentHash();
        write("a.md", "# A\r\n\r\nSame text.   \r\n");
        String crlf = CollectingSink.read(FolderReader.of(root)).get("a.md").contentHash();
        write("a.md", "# A\n\nOther text.\n");
        String changed = CollectingSink.read(FolderReader.of(root)).get("a.md").contentHash();
        String otherUrl = CollectingSink.read(
                        FolderReader.builder(root).baseUrl("https://x.example/").build())
                .get("a.md")
                .contentHash();

        assertThat(crlf).isEqualTo(lf);
        assertThat(changed).isNotEqualTo(lf);
        assertThat(otherUrl).isNotEqualTo(changed);
    }

    @Test
    void invalid_utf8_is_decoded_with_replacement_characters_and_a_warning() throws IOException {
        byte[] bytes = {'C', 'a', 'f', (byte) 0xE9, ' ', 'o', 'k', '\n'}; // Latin-1 é, invalid in UTF-8
        write("latin1.txt", bytes);

        CollectingSink sink = CollectingSink.read(FolderReader.of(root));

        assertThat(sink.get("latin1.txt").content()).isEqualTo("Caf\uFFFD ok");
        assertThat(sink.warningsBesidesPermissions()).singleElement().asString().contains("latin1.txt", "UTF-8");
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void text_in_another_encoding_is_decoded_by_its_declared_or_detected_charset_with_a_warning() throws IOException {
        String french = "Les congés payés sont de vingt-cinq jours ouvrés par année complète de travail. "
                + "Les employés à temps partiel reçoivent un nombre de jours proportionnel à leur présence. ";
        write("latin1.txt", french.repeat(3).getBytes(java.nio.charset.Charset.forName("windows-1252")));
        write(
                "page.html",
                ("<html><head><meta charset=\"windows-1252\"><title>Congés</title></head><body><p>Données"
                                + " personnelles : règles.</p></body></html>")
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")));

        CollectingSink sink = CollectingSink.read(FolderReader.of(root));

        assertThat(sink.get("latin1.txt").content()).startsWith("Les congés payés");
        assertThat(sink.get("page.html").title()).isEqualTo("Congés");
        assertThat(sink.get("page.html").content()).isEqualTo("Données personnelles : règles.");
        assertThat(sink.warnings)
                .anyMatch(w -> w.startsWith("latin1.txt: not UTF-8; decoded as") && w.contains("detected"))
                .anyMatch(
                        w -> w.equals("page.html: not UTF-8; decoded as windows-1252, the charset the file declares"));
    }

    @Test
    void malformed_html_is_read_leniently() throws IOException {
        write(
                "broken.html",
                "<html><head><title>Broken</title><body><div><p>First <b>bold <i>both</b> still</p></div></div>"
                        + "<table><tr><td>cell &amp more &nosuch; <td>two</table><p>After & the <end");

        CollectingSink sink = CollectingSink.read(FolderReader.of(root));

        assertThat(sink.failures).isEmpty();
        assertThat(sink.get("broken.html").content())
                .contains("First bold both still")
                .contains("| cell & more &nosuch; | two |")
                .contains("After & the");
    }

    @Test
    void a_confluence_page_with_no_title_is_named_after_its_file() throws IOException {
        write(
                "Untitled_4242.html",
                "<html><head><title></title></head><body><div id=\"main-header\"><ol id=\"breadcrumbs\"><li><a"
                        + " href=\"index.html\">Space</a></li></ol><h1><span id=\"title-text\"> </span></h1></div>"
                        + "<div id=\"main-content\" class=\"wiki-content group\"><p>Body text.</p></div>"
                        + "<div id=\"footer\"><p>Document generated by Confluence on Mar 10, 2026</p></div>"
                        + "</body></html>");

        CollectingSink sink = CollectingSink.read(FolderReader.of(root));

        assertThat(sink.get("Untitled_4242.html").title()).isEqualTo("Untitled_4242");
        assertThat(sink.get("Untitled_4242.html").content()).isEqualTo("Body text.");
    }

    @Test
    void a_file_over_the_size_cap_is_skipped_with_a_reason_that_keeps_its_id() throws IOException {

        write("big.txt", "x".repeat(2_000));
        write("small.txt", "small");

        CollectingSink sink = CollectingSink.read(
                FolderReader.builder(root).maxFileBytes(1_000).build());

        assertThat(sink.byId()).containsOnlyKeys("small.txt");
        assertThat(sink.failures).singleElement().satisfies(f -> {
            assertThat(f.documentId()).isEqualTo("big.txt");
            assertThat(f.reason()).contains("limit");
        });
    }

    @Test
    void the_default_size_cap_is_50_megabytes() {
        assertThat(FolderReader.DEFAULT_MAX_FILE_BYTES).isEqualTo(50L * 1024 * 1024);
    }

    @Test
    @Timeout(10)
    void symbolic_links_are_not_followed_so_a_loop_cannot_hang_the_walk() throws IOException {
        write("docs/page.md", "# Page\n\ntext");
        try {
            Files.createSymbolicLink(root.resolve("docs/loop"), root.resolve("docs"));
            Files.createSymbolicLink(root.resolve("docs/alias.md"), root.resolve("docs/page.md"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("symbolic links not supported here: " + e).isTrue();
        }

        CollectingSink sink = CollectingSink.read(FolderReader.of(root));

        assertThat(sink.byId()).containsOnlyKeys("docs/page.md");
        assertThat(sink.warningsBesidesPermissions())
                .containsExactlyInAnyOrder(
                        "docs/alias.md: symbolic link, not followed", "docs/loop: symbolic link, not followed");
    }

    @Test
    void an_unreadable_file_is_reported_and_keeps_its_id() throws IOException {
        Path secret = write("secret.md", "# Secret");
        write("open.md", "# Open");
        try {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeThat(false).as("no POSIX permissions here").isTrue();
        }
        assumeThat(Files.isReadable(secret))
                .as("running as root: every file is readable")
                .isFalse();

        CollectingSink sink = CollectingSink.read(FolderReader.of(root));

        assertThat(sink.byId()).containsOnlyKeys("open.md");
        assertThat(sink.failures).extracting(ReadFailure::documentId).containsExactly("secret.md");
    }

    @Test
    void hidden_files_and_folders_are_not_read() throws IOException {
        write(".git/HEAD.txt", "ref");
        write(".draft.md", "# Draft");
        write("page.md", "# Page");

        assertThat(CollectingSink.read(FolderReader.of(root)).byId()).containsOnlyKeys("page.md");
    }

    @Test
    void a_missing_folder_or_a_file_is_refused_as_a_whole() throws IOException {
        Path file = write("a.md", "# A");

        assertThatThrownBy(() -> CollectingSink.read(FolderReader.of(root.resolve("nope"))))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> CollectingSink.read(FolderReader.of(file)))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("not a folder");
    }

    @Test
    void documents_come_in_a_stable_order() throws IOException {
        for (String name : List.of("b.md", "a/z.md", "c.txt", "a/b.md")) {
            write(name, "# " + name);
        }

        List<String> ids = CollectingSink.read(FolderReader.of(root)).documents.stream()
                .map(SourceDocument::id)
                .toList();

        assertThat(ids).containsExactly("a/b.md", "a/z.md", "b.md", "c.txt");
    }

    @Test
    void a_confluence_html_export_yields_its_pages_with_their_metadata_and_skips_its_index() {
        CollectingSink sink = CollectingSink.read(FolderReader.of(resource("confluence-html")));

        assertThat(sink.byId())
                .containsOnlyKeys(
                        "Deploying-to-Production_1002.html", "Engineering_1001.html", "Office-Wi-Fi_1003.html");
        SourceDocument deploy = sink.get("Deploying-to-Production_1002.html");
        assertThat(deploy.title()).isEqualTo("Deploying to Production");
        assertThat(deploy.space()).isEqualTo("Globex Handbook");
        assertThat(deploy.breadcrumb()).containsExactly("Engineering");
        assertThat(deploy.lastModified()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        assertThat(deploy.metadata())
                .containsEntry("pageId", "1002")
                .containsEntry("author", "Ana Lima")
                .containsEntry("lastModifiedBy", "Raj Patel");
        assertThat(deploy.content()).contains("| Staging | staging-euw2 |").doesNotContain("Document generated");
        assertThat(sink.failures).isEmpty();
        assertThat(sink.skipped).containsExactly("index.html");
        assertThat(sink.expected).isEqualTo(4); // the pages and the index; not the stylesheet or the image
    }

    @Test
    void reading_twice_gives_identical_documents() {
        Path export = resource("confluence-html");

        List<SourceDocument> first = CollectingSink.read(FolderReader.of(export)).documents;
        List<SourceDocument> second = CollectingSink.read(FolderReader.of(export)).documents;

        assertThat(second).isEqualTo(first);
    }
}
