package io.docent.indexer.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.SourceDocument;
import io.docent.indexer.testing.CollectingSink;
import io.docent.indexer.testing.OfficeFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office and PDF attachments of a Confluence XML export become documents linked to their page. */
class ConfluenceXmlAttachmentsTest {

    @TempDir
    Path export;

    private static String attachment(String id, String pageId, String name, String version, String extra) {
        return "<object class=\"Attachment\" package=\"com.atlassian.confluence.pages\"><id name=\"id\">" + id
                + "</id><property name=\"title\"><![CDATA[" + name + "]]></property><property name=\"version\">"
                + version + "</property>" + extra + "<property name=\"containerContent\" class=\"Page\""
                + " package=\"com.atlassian.confluence.pages\"><id name=\"id\">" + pageId + "</id></property>"
                + "</object>\n";
    }

    private void write() throws IOException {
        StringWriter out = new StringWriter();
        new EntitiesXmlWriter(out)
                .space("100", "ENG", "Engineering")
                .viewSpace("5001", "engineering", null, null)
                .page("1", "Runbooks", null, "11")
                .body("11", "1", "<p>All runbooks.</p>")
                .page("2", "Deploying", "1", "12")
                .body("12", "2", "<p>How to deploy.</p>")
                .raw(attachment("501", "2", "rollback.pdf", "2", "<property name=\"contentStatus\">current</property>"))
                .raw(attachment("502", "2", "rollback.pdf", "1", "<property name=\"originalVersionId\">501</property>"))
                .raw(attachment("503", "2", "diagram.png", "1", ""))
                .raw(attachment("504", "2", "missing.docx", "1", ""))
                .raw(attachment("505", "2", "locked.docx", "1", ""))
                .end();
        Files.writeString(export.resolve("entities.xml"), out.toString());
        Path v2 = Files.createDirectories(export.resolve("attachments/2/501"));
        Files.write(v2.resolve("1"), OfficeFiles.pdf("OLD rollback steps", null));
        Files.write(v2.resolve("2"), OfficeFiles.pdf("Roll back with gxctl rollback.", null));
        Files.write(Files.createDirectories(export.resolve("attachments/2/503")).resolve("1"), new byte[] {1, 2, 3});
        Files.write(
                Files.createDirectories(export.resolve("attachments/2/505")).resolve("1"),
                OfficeFiles.encryptedDocx("pw"));
    }

    @Test
    void the_current_version_of_an_office_or_pdf_attachment_becomes_a_document_under_its_page() throws IOException {
        write();

        CollectingSink sink = CollectingSink.read(ConfluenceXmlReader.builder(export)
                .baseUrl("https://wiki.example.com")
                .build());

        SourceDocument pdf = sink.get("2/attachments/rollback.pdf");
        assertThat(pdf.content()).contains("Roll back with gxctl rollback.").doesNotContain("OLD");
        assertThat(pdf.title()).isEqualTo("rollback.pdf");
        assertThat(pdf.space()).isEqualTo("ENG");
        assertThat(pdf.breadcrumb()).containsExactly("Runbooks", "Deploying");
        assertThat(pdf.accessGroups()).containsExactly("engineering"); // its page's
        assertThat(pdf.url()).isEqualTo("https://wiki.example.com/download/attachments/2/rollback.pdf");
        assertThat(pdf.metadata()).containsEntry("attachedToPageId", "2").containsEntry("path", "attachments/2/501/2");
        assertThat(sink.byId()).containsOnlyKeys("1", "2", "2/attachments/rollback.pdf"); // the image is not content
        assertThat(sink.failures)
                .extracting(f -> f.documentId() + ": " + f.reason())
                .containsExactlyInAnyOrder(
                        "2/attachments/missing.docx: its file is not in the export; skipped",
                        "2/attachments/locked.docx: password-protected; skipped");
        assertThat(sink.expected).isEqualTo(5);
    }

    @Test
    void an_export_made_without_attachments_says_so_once() throws IOException {
        write();
        deleteRecursively(export.resolve("attachments"));

        CollectingSink sink = CollectingSink.read(ConfluenceXmlReader.of(export));

        assertThat(sink.byId()).containsOnlyKeys("1", "2");
        assertThat(sink.failures).isEmpty();
        assertThat(sink.warnings).singleElement().asString().contains("no attachments folder");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
