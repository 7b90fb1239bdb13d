package io.docent.indexer.confluence;

import io.docent.core.Chunk;
import io.docent.core.SourceDocument;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.chunking.Chunker;
import io.docent.indexer.export.ExportOptions;
import io.docent.indexer.export.ExportReaders;
import io.docent.indexer.sync.IndexJob;
import io.docent.indexer.sync.SourceSync;
import io.docent.indexer.sync.SyncResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test (benchmarks are not tests): generates a Confluence XML export of N pages ({@link
 * ConfluenceExportGenerator}), indexes it fully with the bundled ONNX embedder into a fresh {@link LuceneSearchIndex}
 * through {@link IndexJob#runOnce()}, the code path of {@code docent index}, then re-syncs the unchanged export (index
 * closed and opened again, as a scheduled run would) and finally embeds exactly the chunk texts the sync embedded with
 * the bare model in the sync's batch size, the ceiling on this CPU.
 *
 * <pre>{@code
 * java -Xmx1g -cp <indexer test classpath> io.docent.indexer.confluence.GeneratedExportBenchmark 10000 /tmp/gen 0.6
 * }</pre>
 *
 * <p>Arguments: pages (default 10,000), a work folder (default: a new temp folder), and the generator's length scale
 * (default 1.0, about 230 words a page).
 */
public final class GeneratedExportBenchmark {

    private GeneratedExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path work = args.length > 1
                ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("docent-gen-bench");
        double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        Path export = work.resolve("export");
        long t0 = System.nanoTime();
        long words = ConfluenceExportGenerator.of(pages, 42).wordsScale(scale).writeTo(export);
        System.out.printf(
                Locale.ROOT,
                "generated %d pages, about %d words of text (%.0f a page), %.1f MB entities.xml, in %.1f s%n",
                pages,
                words,
                words / (double) pages,
                Files.size(export.resolve("entities.xml")) / 1048576.0,
                (System.nanoTime() - t0) / 1e9);

        var embedder = new OnnxEmbedder();
        embedder.embedPassages(List.of("warm up the model", "and its threads")); // not timed
        Path indexDir = work.resolve("index-" + System.nanoTime());

        SyncResult full;
        long fullCommitNanos;
        try (var index = open(indexDir, embedder)) {
            full = IndexJob.builder(index, embedder, "gen", export).build().runOnce();
            long c0 = System.nanoTime();
            index.commit();
            fullCommitNanos = System.nanoTime() - c0;
        }
        System.out.println("full:    " + full.summary());

        SyncResult again;
        long openNanos;
        long c0 = System.nanoTime();
        try (var index = open(indexDir, embedder)) {
            openNanos = System.nanoTime() - c0;
            again = IndexJob.builder(index, embedder, "gen", export).build().runOnce();
        }
        System.out.println("re-sync: " + again.summary());

        List<String> texts = chunkTexts(export);
        double raw = rawRate(embedder, texts);

        double fullSeconds = full.duration().toNanos() / 1e9;
        double againSeconds = again.duration().toNanos() / 1e9;
        System.out.printf(
                Locale.ROOT,
                "documents %d, chunks %d (sync wrote %d)%n",
                full.added(),
                texts.size(),
                full.chunksWritten());
        System.out.printf(
                Locale.ROOT,
                "pipeline: %.1f s, %.2f docs/s, %.2f chunks/s (then commit %.2f s)%n",
                fullSeconds,
                full.added() / fullSeconds,
                full.chunksPerSecond(),
                fullCommitNanos / 1e9);
        System.out.printf(Locale.ROOT, "raw embedding of the same chunk texts: %.2f chunks/s%n", raw);
        System.out.printf(Locale.ROOT, "pipeline / raw: %.1f%%%n", 100 * full.chunksPerSecond() / raw);
        System.out.printf(
                Locale.ROOT,
                "re-sync unchanged: %.2f s (%d unchanged, %d chunks embedded), %.2f%% of the full index;"
                        + " opening the index took %.2f s more%n",
                againSeconds,
                again.unchanged(),
                again.chunksWritten(),
                100 * againSeconds / fullSeconds,
                openNanos / 1e9);
    }

    private static LuceneSearchIndex open(Path dir, OnnxEmbedder embedder) {
        return LuceneSearchIndex.builder(dir)
                .embeddingModel(embedder.modelName(), embedder.dimension())
                .open();
    }

    /** The texts the sync embedded: the same reader and default chunker, without the index. */
    private static List<String> chunkTexts(Path export) {
        Chunker chunker = new Chunker();
        List<String> texts = new ArrayList<>();
        ExportReaders.detect(export, ExportOptions.builder().build()).read("gen", new DocumentReader.Sink() {
            @Override
            public void document(SourceDocument document) {
                chunker.chunk(document).stream().map(Chunk::textForEmbedding).forEach(texts::add);
            }

            @Override
            public void failed(ReadFailure failure) {
                throw new IllegalStateException("the generated export has a failure: " + failure);
            }
        });
        return texts;
    }

    private static double rawRate(OnnxEmbedder embedder, List<String> texts) {
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i += SourceSync.DEFAULT_BATCH_SIZE) {
            embedder.embedPassages(texts.subList(i, Math.min(texts.size(), i + SourceSync.DEFAULT_BATCH_SIZE)));
        }
        return texts.size() / ((System.nanoTime() - start) / 1e9);
    }
}
