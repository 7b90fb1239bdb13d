package io.docent.app.bench;

import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.indexer.files.FolderReader;
import io.docent.indexer.pdf.PdfReflow;
import io.docent.indexer.sync.SourceSync;
import io.docent.indexer.sync.SyncResult;
import io.docent.indexer.testing.PdfTypesetter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF indexing throughput beside the model's: how fast {@link PdfReflow} reads pages (and PDFBox's own plain text
 * extraction on the same file, for scale), and how fast a folder of PDFs is indexed (read, reflow, chunk, embed,
 * write to Lucene) beside the bare model embedding the very same chunk texts. Not a test: run by hand.
 *
 * <p>The PDFs are generated (seeded, so every run reads the same): wrapped and hyphenated prose, headings, a table
 * every few pages, a two-column page, a running header and a "Page N of M" footer.
 *
 * <pre>
 * java -cp ... io.docent.app.bench.PdfIndexingBenchmark 200 20 10 /tmp/pdfbench
 *   (pages of the reflow-only PDF, number of PDFs in the folder, pages each, work folder)
 * </pre>
 */
public final class PdfIndexingBenchmark {

    private static final String[] WORDS = ("employee benefit coverage deductible reimbursement enrolment dependant"
                    + " eligibility premium network provider pharmacy prescription counselling insurance"
                    + " disability contribution account allowance maximum annual monthly claim appeal service"
                    + " policy manager approval request portal documentation practitioner organisation the of and"
                    + " to a in for is on that by with as at from are be this which or an will your each")
            .split(" ");

    public static void main(String[] args) throws Exception {
        int bigPages = Integer.parseInt(args[0]);
        int files = Integer.parseInt(args[1]);
        int pagesEach = Integer.parseInt(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));

        byte[] big = pdf(bigPages, 1);
        reflowRate(big, bigPages);

        Path docs = Files.createDirectories(work.resolve("pdfs-" + System.nanoTime()));
        for (int i = 0; i < files; i++) {
            Files.write(docs.resolve(String.format(Locale.ROOT, "guide-%03d.pdf", i)), pdf(pagesEach, 100 + i));
        }
        var embedder = new OnnxEmbedder();
        embedder.embedPassages(List.of("warm up the model", "and its threads")); // not timed
        List<String> texts = IndexingBenchmark.chunkTexts(docs);
        double rawBefore = IndexingBenchmark.rawRate(embedder, texts);
        SyncResult result;
        try (var index = LuceneSearchIndex.builder(work.resolve("index-" + System.nanoTime()))
                .embeddingModel(embedder.modelName(), embedder.dimension())
                .open()) {
            result = SourceSync.builder(index, embedder).build().run("bench", FolderReader.of(docs));
        }
        double rawAfter = IndexingBenchmark.rawRate(embedder, texts);
        double raw = (rawBefore + rawAfter) / 2;
        System.out.println(result.summary());
        System.out.printf(
                Locale.ROOT,
                "folder: %d PDFs x %d pages, %d chunks; pipeline %.2f chunks/s (%.2f pages/s)%n",
                files,
                pagesEach,
                texts.size(),
                result.chunksPerSecond(),
                files * pagesEach / (result.duration().toNanos() / 1e9));
        System.out.printf(
                Locale.ROOT,
                "raw embedding of the same chunk texts: %.2f chunks/s (before %.2f, after %.2f); pipeline / raw %.1f%%%n",
                raw,
                rawBefore,
                rawAfter,
                100 * result.chunksPerSecond() / raw);
    }

    /** Pages a second of the reflow alone and of PDFBox's plain text, best of 3 after a warm-up. */
    private static void reflowRate(byte[] pdf, int pages) throws Exception {
        PdfReflow.read(pdf, "warm-up.pdf");
        plainText(pdf);
        long reflow = Long.MAX_VALUE;
        long plain = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            PdfReflow.read(pdf, "big.pdf");
            reflow = Math.min(reflow, System.nanoTime() - start);
            start = System.nanoTime();
            plainText(pdf);
            plain = Math.min(plain, System.nanoTime() - start);
        }
        System.out.printf(
                Locale.ROOT,
                "reflow of a %d-page PDF (%d KB): %.0f pages/s (%.0f ms); PDFBox plain text: %.0f pages/s (%.0f ms)%n",
                pages,
                pdf.length >> 10,
                pages / (reflow / 1e9),
                reflow / 1e6,
                pages / (plain / 1e9),
                plain / 1e6);
    }

    private static void plainText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            new PDFTextStripper().getText(doc);
        }
    }

    /** About {@code pages} pages of seeded prose with headings, tables and one two-column page. */
    static byte[] pdf(int pages, long seed) {
        Random random = new Random(seed);
        PdfTypesetter t = new PdfTypesetter()
                .title("Generated guide " + seed)
                .header("Generated Benefits Guide " + seed)
                .footer("Page %1$d of %2$d");
        for (int page = 1; page <= pages; page++) {
            if (page % 10 == 5) {
                t.twoColumnPage(
                        "Two columns " + page,
                        List.of(sentences(random, 3), sentences(random, 3)),
                        List.of(sentences(random, 3), sentences(random, 3)));
                continue;
            }
            t.heading("Section " + page + " " + WORDS[random.nextInt(30)], 16);
            t.paragraph(sentences(random, 5)).paragraph(sentences(random, 4));
            if (page % 4 == 0) {
                t.table(
                        new float[] {0, 230, 340},
                        new String[] {"Feature", "Plan A", "Plan B"},
                        new String[] {"Deductible", "$" + (page * 100), "$" + (page * 200)},
                        new String[] {"Co-pay", "$" + page, "$" + (page * 2)});
            }
            t.paragraph(sentences(random, 4)).pageBreak();
        }
        return t.pdf();
    }

    private static String sentences(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < n; s++) {
            int words = 12 + random.nextInt(14);
            for (int w = 0; w < words; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                sb.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                sb.append(w == words - 1 ? ". " : " ");
            }
        }
        return sb.toString().strip();
    }
}
