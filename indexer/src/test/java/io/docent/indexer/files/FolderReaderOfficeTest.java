package io.docent.indexer.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Chunk;
import io.docent.core.InMemorySearchIndex;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.sync.SourceSync;
import io.docent.indexer.sync.SyncResult;
import io.docent.indexer.testing.CollectingSink;
import io.docent.indexer.testing.HashingEmbedder;
import io.docent.indexer.testing.OfficeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office, PDF and mail files in a plain folder, read through Tika; bad ones reported, nothing else lost. */
class FolderReaderOfficeTest {

    @TempDir
    Path root;

    private void write(String relative, byte[] bytes) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Test
    void office_pdf_and_mail_files_become_documents() throws IOException {
        write("hr/leave.docx", OfficeFiles.docx("Leave Policy", "Annual leave", "Everyone gets 25 days."));
        write("finance/rates.xlsx", OfficeFiles.xlsx("Rates", new String[] {"France", "90 EUR"}));
        write("travel.pdf", OfficeFiles.pdf("Book through Globex Travel.", null));
        write("mail/freeze.eml", OfficeFiles.eml("raj@example.com", "ops@example.com", "Freeze", "Starts 15 Dec."));

        CollectingSink sink = CollectingSink.read(FolderReader.of(root));

        assertThat(sink.failures).isEmpty();
        assertThat(sink.byId())
                .containsOnlyKeys("hr/leave.docx", "finance/rates.xlsx", "travel.pdf", "mail/freeze.eml");
        assertThat(sink.get("hr/leave.docx").title()).isEqualTo("Leave Policy");
        assertThat(sink.get("hr/leave.docx").breadcrumb()).containsExactly("hr");
        assertThat(sink.get("hr/leave.docx").metadata())
                .containsEntry("author", "Ana Lima")
                .containsEntry("format", "docx");
        assertThat(sink.get("finance/rates.xlsx").content()).contains("| France | 90 EUR |");
        assertThat(sink.get("travel.pdf").title()).isEqualTo("travel"); // no title inside: the file name
        assertThat(sink.get("mail/freeze.eml").title()).isEqualTo("Freeze");
    }

    @Test
    void password_protected_and_corrupt_files_fail_alone_with_their_reason() throws IOException {
        write("ok.docx", OfficeFiles.docx("OK", "OK", "Fine."));
        write("pay.docx", OfficeFiles.encryptedDocx("s3cret"));
        write("pay.pdf", OfficeFiles.pdf("Salaries", "s3cret"));
        write("cut.pptx", OfficeFiles.truncated(OfficeFiles.pptx("Half a deck")));

        CollectingSink sink = CollectingSink.read(FolderReader.of(root));

        assertThat(sink.byId()).containsOnlyKeys("ok.docx");
        assertThat(sink.failures)
                .extracting(ReadFailure::documentId, ReadFailure::reason)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("pay.docx", "password-protected; skipped"),
                        org.assertj.core.groups.Tuple.tuple("pay.pdf", "password-protected; skipped"));
        assertThat(sink.failures).anySatisfy(f -> {
            assertThat(f.documentId()).isEqualTo("cut.pptx");
            assertThat(f.reason()).startsWith("not a readable PPTX");
        });
    }

    @Test
    void a_document_that_becomes_corrupt_keeps_its_indexed_chunks() throws IOException {
        InMemorySearchIndex index = new InMemorySearchIndex();
        SourceSync sync = SourceSync.builder(index, new HashingEmbedder()).build();
        write("a.docx", OfficeFiles.docx("A", "A", "Alpha policy."));
        write("b.docx", OfficeFiles.docx("B", "B", "Beta policy."));
        sync.run("docs", FolderReader.of(root));
        write("b.docx", OfficeFiles.truncated(OfficeFiles.docx("B", "B", "Beta policy, changed.")));

        SyncResult second = sync.run("docs", FolderReader.of(root));

        assertThat(second.status()).isEqualTo(SyncResult.Status.DONE_WITH_FAILURES);
        assertThat(second.deleted()).isZero();
        assertThat(index.chunksOf("docs:b.docx")).extracting(Chunk::text).anyMatch(t -> t.contains("Beta policy."));
    }
}
