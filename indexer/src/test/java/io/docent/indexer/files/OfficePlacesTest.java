package io.docent.indexer.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Chunk;
import io.docent.core.SourceDocument;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.chunking.Chunker;
import io.docent.indexer.testing.CollectingSink;
import io.docent.indexer.testing.PdfTypesetter;
import io.docent.indexer.testing.WordDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Office and PDF files in a folder, read and chunked: PDF chunks cite their page, slides their slide, Word
 * headings become breadcrumbs and an Excel sheet's name heads its table. The files are written here with POI and
 * PDFBox.
 */
class OfficePlacesTest {

    @TempDir
    Path root;

    private final Chunker chunker = new Chunker();

    private List<Chunk> chunks(String file) {
        CollectingSink sink = CollectingSink.read(FolderReader.of(root));
        assertThat(sink.failures).isEmpty();
        return chunker.chunk(sink.get(file));
    }

    private static String topic(String name, int page) {
        return name + " is explained on page " + page + " of this guide, with the rules that apply to every member"
                + " of staff and the exceptions that a manager may approve in writing before the date.";
    }

    @Test
    void pdf_chunks_link_the_page_their_text_is_on() throws IOException {
        PdfTypesetter t = new PdfTypesetter().header("Fabrikam Guide").footer("Page %1$d of %2$d");
        for (int page = 1; page <= 5; page++) {
            t.heading("Section " + page, 16);
            for (int p = 0; p < 4; p++) {
                t.paragraph(topic("Topic " + page + "." + p, page));
            }
            t.pageBreak();
        }
        Files.write(root.resolve("guide.pdf"), t.pdf());

        List<Chunk> chunks = chunks("guide.pdf");

        assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
        for (Chunk c : chunks) {
            assertThat(c.url()).matches(".*/guide\\.pdf#page=\\d");
            int page = Integer.parseInt(c.url().substring(c.url().lastIndexOf('=') + 1));
            assertThat(c.text()).contains("is explained on page " + page + " of this guide");
            assertThat(c.text()).doesNotContain("<!--", "Fabrikam Guide", "Page 1 of 5");
        }
        assertThat(chunks).extracting(Chunk::url).anyMatch(u -> u.endsWith("#page=5"));
    }

    @Test
    void a_scanned_pdf_is_reported_and_not_indexed() throws IOException {
        Files.write(root.resolve("scan.pdf"), PdfTypesetter.scanned());

        CollectingSink sink = CollectingSink.read(FolderReader.of(root));

        assertThat(sink.byId()).isEmpty();
        assertThat(sink.failures)
                .extracting(ReadFailure::documentId, ReadFailure::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("scan.pdf", "no text (scanned image?); skipped"));
    }

    @Test
    void slides_give_their_slide_number() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XMLSlideShow deck = new XMLSlideShow()) {
            for (int i = 1; i <= 3; i++) {
                XSLFSlide slide = deck.createSlide();
                StringBuilder text = new StringBuilder();
                for (int j = 1; j <= 12; j++) {
                    text.append("Slide ").append(i).append(" point ").append(j);
                    text.append(": this onboarding step is done in the first week with a buddy. ");
                }
                slide.createTextBox().setText(text.toString().strip());
            }
            deck.write(out);
        }
        Files.write(root.resolve("onboarding.pptx"), out.toByteArray());

        List<Chunk> chunks = chunks("onboarding.pptx");

        assertThat(chunks).extracting(Chunk::url).allMatch(u -> u.matches(".*/onboarding\\.pptx#slide=[123]"));
        for (Chunk c : chunks) {
            String slide = c.url().substring(c.url().lastIndexOf('=') + 1);
            assertThat(c.text()).contains("Slide " + slide + " point"); // where its own text starts
            assertThat(c.text()).doesNotContain("<!--");
        }
        assertThat(chunks).extracting(Chunk::url).anyMatch(u -> u.endsWith("#slide=3"));
    }

    @Test
    void word_headings_become_the_breadcrumb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            WordDocuments.headingStyles(doc);
            WordDocuments.heading(doc, 1, "Travel");
            WordDocuments.heading(doc, 2, "Booking flights");
            doc.createParagraph()
                    .createRun()
                    .setText("Flights are booked through Globex Travel at least two weeks ahead. "
                            + "An economy fare is the rule for every flight shorter than six hours of travel. "
                                    .repeat(25));
            WordDocuments.heading(doc, 2, "Hotels");
            doc.createParagraph()
                    .createRun()
                    .setText("Hotels cost at most 150 EUR a night in Europe. "
                            + "A hotel that the travel agency books is paid by the company directly. ".repeat(25));
            doc.write(out);
        }
        Files.write(root.resolve("guide.docx"), out.toByteArray());

        List<Chunk> chunks = chunks("guide.docx");

        assertThat(chunks).extracting(Chunk::breadcrumb).contains("Travel > Booking flights");
        assertThat(chunks).anySatisfy(c -> {
            assertThat(c.text()).contains("150 EUR");
            assertThat(c.breadcrumb()).isEqualTo("Travel > Hotels");
        });
        assertThat(chunks).extracting(Chunk::url).noneMatch(u -> u.contains("#"));
    }

    @Test
    void an_excel_sheet_name_heads_its_table() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var rates = book.createSheet("Per diem rates");
            var header = rates.createRow(0);
            header.createCell(0).setCellValue("Country");
            header.createCell(1).setCellValue("Rate");
            for (int r = 1; r <= 80; r++) {
                var row = rates.createRow(r);
                row.createCell(0).setCellValue(r == 1 ? "France" : "Country number " + r);
                row.createCell(1).setCellValue(r == 1 ? "90 EUR" : r + " EUR a day");
            }
            book.createSheet("Mileage").createRow(0).createCell(0).setCellValue("0.30 EUR per km");
            book.write(out);
        }
        Files.write(root.resolve("rates.xlsx"), out.toByteArray());

        SourceDocument doc = CollectingSink.read(FolderReader.of(root)).get("rates.xlsx");
        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(doc.content()).contains("# Per diem rates\n\n| Country | Rate |\n| France | 90 EUR |", "# Mileage");
        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks)
                .filteredOn(c -> !c.text().contains("Mileage"))
                .hasSizeGreaterThan(1)
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.breadcrumb()).isEqualTo("Per diem rates");
                    assertThat(c.text()).contains("| Country | Rate |"); // the header repeated over every piece
                });
    }
}
