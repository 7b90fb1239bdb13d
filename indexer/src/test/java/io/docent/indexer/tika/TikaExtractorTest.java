package io.docent.indexer.tika;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.indexer.testing.OfficeFiles;
import io.docent.indexer.testing.PdfTypesetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TikaExtractorTest {

    private final TikaExtractor tika = new TikaExtractor(Duration.ofSeconds(60), TikaExtractor.DEFAULT_MAX_CHARS);

    @Test
    void a_word_document_keeps_its_title_heading_and_table() {
        OfficeText text =
                tika.extract(OfficeFiles.docx("Leave Policy", "Annual leave", "Everyone gets 25 days."), "leave.docx");

        assertThat(text.title()).isEqualTo("Leave Policy");
        assertThat(text.metadata()).containsEntry("author", "Ana Lima");
        assertThat(text.content())
                .contains("Annual leave")
                .contains("Everyone gets 25 days.")
                .contains("| Region | Allowance |")
                .contains("| EMEA | 25 days |");
        assertThat(text.truncated()).isFalse();
    }

    @Test
    void a_workbook_becomes_a_table_under_its_sheet_name() {
        OfficeText text = tika.extract(
                OfficeFiles.xlsx("Rates", new String[] {"Country", "Per diem"}, new String[] {"France", "90 EUR"}),
                "rates.xlsx");

        assertThat(text.content()).contains("Rates").contains("| France | 90 EUR |");
    }

    @Test
    void slides_and_pdfs_give_their_text() {
        assertThat(tika.extract(OfficeFiles.pptx("Quarterly goals: ship search"), "q1.pptx")
                        .content())
                .contains("Quarterly goals: ship search");
        assertThat(tika.extract(OfficeFiles.pdf("Travel must be booked through Globex Travel.", null), "t.pdf")
                        .content())
                .contains("Travel must be booked through Globex Travel.");
    }

    @Test
    void a_mail_gives_its_subject_as_title_and_its_sender_and_recipients() {
        OfficeText text = tika.extract(
                OfficeFiles.eml(
                        "Raj Patel <raj@example.com>", "ops@example.com", "Freeze dates", "Freeze starts 15 Dec."),
                "freeze.eml");

        assertThat(text.title()).isEqualTo("Freeze dates");
        assertThat(text.content()).contains("From: Raj Patel", "To: ops@example.com", "Freeze starts 15 Dec.");
    }

    @Test
    void password_protected_files_are_refused_with_that_reason() {
        assertThatThrownBy(() -> tika.extract(OfficeFiles.encryptedDocx("s3cret"), "pay.docx"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessage("password-protected; skipped");
        assertThatThrownBy(() -> tika.extract(OfficeFiles.pdf("Salaries", "s3cret"), "pay.pdf"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessage("password-protected; skipped");
    }

    @Test
    void corrupt_truncated_and_empty_files_are_refused_with_a_reason() {
        byte[] docx = OfficeFiles.docx("T", "H", "P");

        assertThatThrownBy(() -> tika.extract(OfficeFiles.truncated(docx), "cut.docx"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("skipped");
        assertThatThrownBy(() -> tika.extract("not really a spreadsheet".getBytes(StandardCharsets.UTF_8), "x.xlsx"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessage("not a real XLSX (the content is plain text); skipped");
        assertThatThrownBy(() -> tika.extract(new byte[] {0, 1, 2, (byte) 0xff, 7, 9, 0, 0, 3}, "noise.pptx"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageStartingWith("not a readable PPTX");
        assertThatThrownBy(() -> tika.extract(OfficeFiles.truncated(OfficeFiles.pdf("Half", null)), "half.pdf"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("skipped");
        assertThatThrownBy(() -> tika.extract(new byte[0], "empty.docx"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessage("empty file; skipped");
    }

    @Test
    void a_text_over_the_limit_is_cut_and_marked() {
        TikaExtractor small = new TikaExtractor(Duration.ofSeconds(60), 200);

        OfficeText text = small.extract(OfficeFiles.docx("Long", "Long", "word ".repeat(500)), "long.docx");

        assertThat(text.truncated()).isTrue();
        assertThat(text.content().length()).isLessThan(400);
    }

    @Test
    void a_pdf_is_read_page_by_page_within_the_same_limits() {
        PdfTypesetter pages = new PdfTypesetter().title("Guide").footer("Page %1$d of %2$d");
        for (int p = 1; p <= 3; p++) {
            pages.paragraph("Page " + p + " explains one rule. " + "It says more about that rule. ".repeat(20))
                    .pageBreak();
        }
        byte[] pdf = pages.pdf();

        OfficeText text = tika.extract(pdf, "guide.pdf");
        OfficeText cut = new TikaExtractor(Duration.ofSeconds(60), 300).extract(pdf, "guide.pdf");

        assertThat(text.title()).isEqualTo("Guide");
        assertThat(text.content())
                .startsWith("<!--docent:page=1-->\n\nPage 1 explains one rule.")
                .contains("<!--docent:page=3-->\n\nPage 3 explains one rule.")
                .doesNotContain("Page 2 of 3");
        assertThat(text.truncated()).isFalse();
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.content()).hasSizeLessThanOrEqualTo(300).doesNotContain("page=2");
    }

    @Test
    void a_scanned_pdf_is_refused_with_that_reason() {
        assertThatThrownBy(() -> tika.extract(PdfTypesetter.scanned(), "scan.pdf"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessage("no text (scanned image?); skipped");
    }

    @Test
    void a_parse_that_takes_too_long_is_abandoned() {
        var release = new java.util.concurrent.CountDownLatch(1);
        TikaExtractor impatient =
                new TikaExtractor(Duration.ofMillis(50), TikaExtractor.DEFAULT_MAX_CHARS, (bytes, name) -> {
                    release.await(); // a parse that hangs, as a crafted PDF can
                    throw new IllegalStateException("not reached");
                });

        try {
            assertThatThrownBy(() -> impatient.extract(OfficeFiles.pdf("Slow", null), "slow.pdf"))
                    .isInstanceOf(DocentException.InvalidInput.class)
                    .hasMessageContaining("took longer than");
        } finally {
            release.countDown();
        }
    }
}
