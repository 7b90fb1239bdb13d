package io.docent.indexer.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.indexer.ReadFailure;
import io.docent.indexer.testing.CollectingSink;
import io.docent.indexer.testing.OfficeFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crafted export cannot make the indexer read a file outside it: attachment paths named in {@code entities.xml} that
 * climb out or are absolute, and symbolic links inside the export, are skipped and reported. The file outside is a
 * real PDF with a secret in it, so a path that got through would show up as an indexed document.
 */
class ConfluenceXmlAttachmentPathsTest {

    private static final String SECRET = "The launch codes are 0000.";

    @TempDir
    Path export;

    @TempDir
    Path outside;

    private static String attachment(String id, String pageId, String name, String version) {
        return "<object class=\"Attachment\" package=\"com.atlassian.confluence.pages\"><id name=\"id\">" + id
                + "</id><property name=\"title\"><![CDATA[" + name + "]]></property><property name=\"version\">"
                + "<![CDATA[" + version + "]]></property><property name=\"containerContent\" class=\"Page\""
                + " package=\"com.atlassian.confluence.pages\"><id name=\"id\">" + pageId + "</id></property>"
                + "</object>\n";
    }

    @Test
    void attachment_paths_that_leave_the_export_or_follow_a_link_are_skipped_and_reported() throws IOException {
        // given a secret outside the export, and an export whose entities.xml and files point at it
        Path secret = Files.write(outside.resolve("secret.pdf"), OfficeFiles.pdf(SECRET, null));
        Path attachments = Files.createDirectories(export.resolve("attachments/2"));
        String climbing = Files.createDirectories(attachments.resolve("601"))
                .relativize(secret)
                .toString(); // ../../../../<outside>/secret.pdf
        Files.createDirectories(attachments.resolve("603"));
        Files.createSymbolicLink(attachments.resolve("603/1"), secret);
        Files.createSymbolicLink(attachments.resolve("604"), outside);
        Files.copy(secret, outside.resolve("1"));
        Files.write(
                Files.createDirectories(attachments.resolve("605")).resolve("1"),
                OfficeFiles.pdf("Roll back with gxctl rollback.", null));
        StringWriter out = new StringWriter();
        new EntitiesXmlWriter(out)
                .space("100", "ENG", "Engineering")
                .viewSpace("5001", "engineering", null, null)
                .page("2", "Deploying", null, "12")
                .body("12", "2", "<p>How to deploy.</p>")
                .raw(attachment("601", "2", "climbing.pdf", climbing))
                .raw(attachment("602", "2", "absolute.pdf", secret.toString()))
                .raw(attachment("603", "2", "linked-file.pdf", "1"))
                .raw(attachment("604", "2", "linked-folder.pdf", "1"))
                .raw(attachment("605", "2", "rollback.pdf", "1"))
                .end();
        Files.writeString(export.resolve("entities.xml"), out.toString());

        // when
        CollectingSink sink = CollectingSink.read(ConfluenceXmlReader.of(export));

        // then
        assertThat(sink.byId()).containsOnlyKeys("2", "2/attachments/rollback.pdf");
        assertThat(sink.documents).noneMatch(d -> d.content().contains("launch codes"));
        assertThat(sink.failures)
                .extracting(ReadFailure::documentId, ReadFailure::reason)
                .containsExactlyInAnyOrder(
                        Tuple.tuple(
                                "2/attachments/climbing.pdf",
                                "its path in entities.xml leads outside the export's attachments folder; skipped"),
                        Tuple.tuple(
                                "2/attachments/absolute.pdf",
                                "its path in entities.xml leads outside the export's attachments folder; skipped"),
                        Tuple.tuple(
                                "2/attachments/linked-file.pdf",
                                "its file is, or lies behind, a symbolic link, which is not followed; skipped"),
                        Tuple.tuple(
                                "2/attachments/linked-folder.pdf",
                                "its file is, or lies behind, a symbolic link, which is not followed; skipped"));
    }

    @Test
    void a_page_id_that_climbs_out_cannot_lead_the_attachment_path_out_either() throws IOException {
        Path secret =
                Files.write(Files.createDirectories(outside.resolve("1")).resolve("1"), OfficeFiles.pdf(SECRET, null));
        Files.createDirectories(export.resolve("attachments"));
        String pageId = export.resolve("attachments").relativize(outside).toString(); // ../../<outside>
        StringWriter out = new StringWriter();
        new EntitiesXmlWriter(out)
                .space("100", "ENG", "Engineering")
                .viewSpace("5001", "engineering", null, null)
                .page(pageId, "Crafted", null, "12")
                .body("12", pageId, "<p>Crafted page.</p>")
                .raw(attachment("1", pageId, "leak.pdf", "1"))
                .end();
        Files.writeString(export.resolve("entities.xml"), out.toString());

        CollectingSink sink = CollectingSink.read(ConfluenceXmlReader.of(export));

        assertThat(secret).exists();
        assertThat(sink.documents).noneMatch(d -> d.content().contains("launch codes"));
        assertThat(sink.failures).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("leads outside the export"));
    }
}
