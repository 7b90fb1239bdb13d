package io.docent.indexer.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.indexer.testing.PdfTypesetter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** PDFs written by a typesetter in the test, read back with their shape: paragraphs, pages, columns, headings. */
class PdfReflowTest {

    static final String LEAVE = "Permanent employees accumulate annual leave from their first day of employment at a"
            + " rate of two and a half days for every completed month of continuous service, and unused leave carries"
            + " over into the following calendar year up to a maximum of ten days, after which the organisation"
            + " compensates the remaining balance at the employee's standard daily remuneration.";
    static final String PORTAL = "Requests are submitted through the self-service portal, and managers complete a"
            + " follow-up conversation within fourteen calendar days; administrative acknowledgements accompany"
            + " every decision, and reimbursement arrangements are communicated electronically to the requester.";
    static final String SICK = "Employees who become unwell notify their supervisor before the beginning of their"
            + " scheduled shift, and absences exceeding three consecutive working days require documentation from"
            + " a registered healthcare practitioner confirming the incapacity and the anticipated return date.";
    static final String LEFT_1 = "Left column first paragraph explains that dental coverage begins immediately for"
            + " every eligible participant and their registered dependants.";
    static final String LEFT_2 = "Left column second paragraph adds that orthodontic treatment is reimbursed at"
            + " fifty percent after twelve months of continuous enrolment.";
    static final String RIGHT_1 = "Right column first paragraph explains that vision coverage includes one"
            + " comprehensive eye examination every calendar year at no charge.";
    static final String RIGHT_2 = "Right column second paragraph adds that frames and lenses are covered up to one"
            + " hundred and fifty dollars every twenty-four months.";

    static byte[] handbook() {
        PdfTypesetter t = new PdfTypesetter()
                .title("Staff Handbook")
                .header("Northwind Staff Handbook - Internal")
                .footer("Page %1$d of %2$d");
        t.heading("Annual leave", 16).paragraph(LEAVE).paragraph(PORTAL);
        t.heading("Sick leave", 16).paragraph(SICK);
        t.pageBreak();
        t.heading("Plan costs", 16)
                .table(
                        new float[] {0, 220, 340},
                        new String[] {"Item", "In-network", "Out-of-network"},
                        new String[] {"Deductible", "$1,500", "$3,000"},
                        new String[] {"Specialist visit", "$40", "$80"});
        t.paragraph(SICK.replace("Employees", "Contractors"));
        t.twoColumnPage("Dental and vision", List.of(LEFT_1, LEFT_2), List.of(RIGHT_1, RIGHT_2));
        t.heading("Closing notes", 16).paragraph(LEAVE.replace("Permanent", "Temporary"));
        return t.pdf();
    }

    @Test
    void sentences_that_cross_line_breaks_come_out_whole_with_hyphenation_undone() throws IOException {
        byte[] pdf = handbook();
        assertThat(rawText(pdf)).as("the typesetter did hyphenate").containsPattern("\\p{Ll}-\\r?\\n\\p{Ll}");

        String text = PdfReflow.read(pdf, "handbook.pdf").markdown();

        assertThat(text).contains(LEAVE, PORTAL, SICK, LEAVE.replace("Permanent", "Temporary"));
        assertThat(text).contains("self-service", "follow-up");
    }

    @Test
    void running_header_footer_and_page_numbers_are_dropped() throws IOException {
        String text = PdfReflow.read(handbook(), "handbook.pdf").markdown();

        assertThat(text).doesNotContain("Northwind Staff Handbook", "Page 1 of", "Page 2 of", "of 4");
    }

    @Test
    void pages_are_marked_and_keep_their_own_text() throws IOException {
        PdfText pdf = PdfReflow.read(handbook(), "handbook.pdf");

        assertThat(pdf.pages()).hasSize(4);
        assertThat(pdf.pages().get(0)).contains(LEAVE).doesNotContain(LEFT_1);
        assertThat(pdf.pages().get(2)).contains(LEFT_1);
        assertThat(pdf.markdown())
                .startsWith("<!--docent:page=1-->\n\n## Annual leave")
                .contains("<!--docent:page=3-->\n\n### Dental and vision"); // 14 pt under 16 pt headings
        assertThat(pdf.title()).isEqualTo("Staff Handbook");
    }

    @Test
    void two_columns_are_read_column_by_column() throws IOException {
        String page = PdfReflow.read(handbook(), "handbook.pdf").pages().get(2);

        assertThat(page).contains(LEFT_1, LEFT_2, RIGHT_1, RIGHT_2);
        assertThat(page.indexOf(LEFT_1))
                .isLessThan(page.indexOf(LEFT_2))
                .isLessThan(page.indexOf(RIGHT_1))
                .isLessThan(page.indexOf(RIGHT_2));
    }

    @Test
    void columns_below_full_width_text_on_the_same_page_are_read_in_order() throws IOException {
        byte[] pdf = new PdfTypesetter()
                .footer("Page %1$d of %2$d")
                .paragraph(SICK)
                .columns(List.of(LEFT_1, LEFT_2), List.of(RIGHT_1, RIGHT_2))
                .paragraph(PORTAL)
                .pdf();

        String page = PdfReflow.read(pdf, "mixed.pdf").pages().getFirst();

        assertThat(page)
                .contains(SICK, LEFT_1, LEFT_2, RIGHT_1, RIGHT_2, PORTAL)
                .doesNotContain("Page 1");
        assertThat(page.indexOf(SICK))
                .isLessThan(page.indexOf(LEFT_1))
                .isLessThan(page.indexOf(LEFT_2))
                .isLessThan(page.indexOf(RIGHT_1))
                .isLessThan(page.indexOf(RIGHT_2))
                .isLessThan(page.indexOf(PORTAL));
    }

    @Test
    void table_rows_with_long_cells_stay_rows_and_are_not_read_as_two_columns() throws IOException {
        PdfTypesetter t = new PdfTypesetter().title("Benefits");
        t.heading("Costs", 16)
                .table(
                        new float[] {0, 230, 340},
                        new String[] {"Plan feature", "Standard PPO", "Saver HDHP"},
                        new String[] {"Deductible, individual", "$1,500", "$3,000"},
                        new String[] {"Primary care visit", "$25 co-pay", "20% after deductible"},
                        new String[] {"Specialist visit", "$50 co-pay", "20% after deductible"},
                        new String[] {"Emergency room", "$250 co-pay", "20% after deductible"});
        t.paragraph(SICK);

        String text = PdfReflow.read(t.pdf(), "benefits.pdf").markdown();

        assertThat(text)
                .contains(
                        "| Primary care visit | $25 co-pay | 20% after deductible |",
                        "| Specialist visit | $50 co-pay | 20% after deductible |",
                        "| Emergency room | $250 co-pay | 20% after deductible |",
                        SICK);
    }

    @Test
    void larger_lines_become_headings_and_tables_stay_tables() throws IOException {
        String text = PdfReflow.read(handbook(), "handbook.pdf").markdown();

        assertThat(text).contains("## Annual leave\n\n", "## Sick leave\n\n", "## Plan costs\n\n");
        assertThat(text)
                .contains(
                        "| Item | In-network | Out-of-network |\n| --- | --- | --- |\n| Deductible | $1,500 | $3,000 |");
    }

    @Test
    void a_sentence_cut_by_a_page_break_is_whole_on_the_page_where_it_starts() throws IOException {
        String paragraph = java.util.stream.IntStream.range(0, 70)
                .mapToObj(k -> "Statement " + k + " of the reimbursement schedule continues across several lines"
                        + " and states one rule.")
                .collect(java.util.stream.Collectors.joining(" "));
        byte[] pdf = new PdfTypesetter()
                .footer("Page %1$d of %2$d")
                .paragraph(paragraph)
                .pdf();

        PdfText text = PdfReflow.read(pdf, "long.pdf");

        assertThat(text.pages()).hasSizeGreaterThan(1);
        for (int k = 0; k < 70; k++) {
            String sentence = "Statement " + k + " of the reimbursement schedule continues across several lines"
                    + " and states one rule.";
            assertThat(text.pages()).as(sentence).anyMatch(page -> page.contains(sentence));
        }
        assertThat(text.pages().get(0)).endsWith("one rule.");
    }

    @Test
    void a_short_bold_line_at_the_body_size_is_the_lowest_heading() throws IOException {
        byte[] pdf = new PdfTypesetter()
                .heading("Enrolment", 16)
                .heading("Who can enrol", 10) // bold, body size: how Word sets Heading 3 in many templates
                .paragraph(SICK)
                .pdf();

        String page = PdfReflow.read(pdf, "bold.pdf").pages().getFirst();

        assertThat(page).isEqualTo("## Enrolment\n\n### Who can enrol\n\n" + SICK);
    }

    @Test
    void bullets_set_at_a_tab_stop_become_list_items_with_their_wrapped_lines() throws IOException {
        byte[] pdf = new PdfTypesetter()
                .paragraph("What the plan covers:")
                .bullet("Preventive care such as annual check-ups, screenings and immunisations at no cost when the"
                        + " provider is in the network.")
                .bullet("Emergency care around the clock.")
                .paragraph("Everything else is on the next page.")
                .pdf();

        String page = PdfReflow.read(pdf, "list.pdf").pages().getFirst();

        assertThat(page)
                .isEqualTo("What the plan covers:\n\n"
                        + "- Preventive care such as annual check-ups, screenings and immunisations at no cost when"
                        + " the provider is in the network.\n"
                        + "- Emergency care around the clock.\n\n"
                        + "Everything else is on the next page.");
    }

    @Test
    void a_scanned_pdf_without_text_is_refused() throws IOException {
        assertThatThrownBy(() -> PdfReflow.read(PdfTypesetter.scanned(), "scan.pdf"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessage("no text (scanned image?); skipped");
    }

    @Test
    void a_broken_page_loses_only_itself() throws IOException {
        byte[] pdf = new PdfTypesetter()
                .paragraph("The first page says hello.")
                .pageBreak()
                .paragraph("The second page is broken.")
                .pageBreak()
                .paragraph("The third page says goodbye.")
                .pdf();

        PdfText text = PdfReflow.read(breakPage(pdf, 1), "broken.pdf");

        assertThat(text.pages()).hasSize(3);
        assertThat(text.pages().get(0)).isEqualTo("The first page says hello.");
        assertThat(text.pages().get(1)).isEmpty();
        assertThat(text.pages().get(2)).isEqualTo("The third page says goodbye.");
        assertThat(text.markdown()).contains("<!--docent:page=3-->").doesNotContain("<!--docent:page=2-->");
    }

    @Test
    void a_page_that_throws_while_read_is_left_out_and_named() throws IOException {
        byte[] pdf = new PdfTypesetter()
                .paragraph("The first page says hello.")
                .pageBreak()
                .paragraph("The second page throws.")
                .pageBreak()
                .paragraph("The third page says goodbye.")
                .pdf();
        GlyphCollector collector = new GlyphCollector() {
            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                if (getCurrentPageNo() == 2) {
                    throw new IllegalStateException("a font PDFBox cannot read");
                }
                super.processTextPosition(text);
            }
        };

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            collector.collect(doc);
        }

        assertThat(collector.failed()).containsExactly(2);
        assertThat(PdfReflow.reflow(collector.pages(), 3))
                .containsExactly("The first page says hello.", "", "The third page says goodbye.");
    }

    /** Page {@code index}'s content replaced by bytes that claim to be Flate-compressed and are not. */
    static byte[] breakPage(byte[] pdf, int index) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = doc.getPage(index);
            COSStream stream = doc.getDocument().createCOSStream();
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream raw = stream.createRawOutputStream()) {
                raw.write("BT /F1 12 Tf (garbage) Tj ET this is not deflate data".getBytes());
            }
            page.setContents(new PDStream(stream));
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static String rawText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
