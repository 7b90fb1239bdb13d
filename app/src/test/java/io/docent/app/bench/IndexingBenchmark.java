package io.docent.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.Chunk;
import io.docent.core.SourceDocument;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.chunking.Chunker;
import io.docent.indexer.files.FolderReader;
import io.docent.indexer.sync.SourceSync;
import io.docent.indexer.sync.SyncResult;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Indexing throughput of the whole pipeline (read, chunk, embed, write to Lucene) beside the raw throughput of the
 * embedding model on the very same chunk texts, which is the ceiling on a CPU. Not a test: run by hand.
 *
 * <p>Input: the first N documents of a BEIR corpus.jsonl, written as Markdown files (title as heading) to a work
 * folder, then indexed with {@code SourceSync} into a fresh index, as {@code docent index} does.
 *
 * <pre>
 * java -cp ... io.docent.app.bench.IndexingBenchmark ../shared/data/eval/scifact-train/corpus.jsonl 1000 /tmp/ib
 * </pre>
 */
public final class IndexingBenchmark {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        Path docs = Files.createDirectories(work.resolve("docs"));
        int written = writeMarkdown(corpus, n, docs);
        var heapPeak = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> sampleHeap(heapPeak));

        var embedder = new OnnxEmbedder();
        embedder.embedPassages(List.of("warm up the model", "and its threads")); // not timed
        // The raw rate is measured before and after the pipeline, so a change in machine load shows up as a gap.
        List<String> texts = chunkTexts(docs);
        double rawBefore = rawRate(embedder, texts);
        SyncResult result;
        try (var index = LuceneSearchIndex.builder(work.resolve("index-" + System.nanoTime()))
                .embeddingModel(embedder.modelName(), embedder.dimension())
                .open()) {
            result = SourceSync.builder(index, embedder).build().run("bench", FolderReader.of(docs));
        }
        sampler.interrupt();
        System.out.println(result.summary());

        double rawAfter = rawRate(embedder, texts);
        double raw = (rawBefore + rawAfter) / 2;
        double pipeline = result.chunksPerSecond();
        System.out.printf(
                Locale.ROOT,
                "documents %d, chunks %d (pipeline wrote %d)%n",
                written,
                texts.size(),
                result.chunksWritten());
        System.out.printf(
                Locale.ROOT,
                "pipeline: %.2f chunks/s (%.2f docs/s)%n",
                pipeline,
                written / (result.duration().toNanos() / 1e9));
        System.out.printf(
                Locale.ROOT,
                "raw embedding of the same chunk texts: %.2f chunks/s (before %.2f, after %.2f)%n",
                raw,
                rawBefore,
                rawAfter);
        System.out.printf(Locale.ROOT, "pipeline / raw: %.1f%%%n", 100 * pipeline / raw);
        System.out.printf(
                Locale.ROOT,
                "peak heap used while indexing: %d MB (max heap %d MB); peak RSS %s%n",
                heapPeak.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                peakRss());
    }

    private static int writeMarkdown(Path corpus, int n, Path docs) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int i = 0;
        try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while (i < n && (line = reader.readLine()) != null) {
                JsonNode node = json.readTree(line);
                String title = node.path("title").asText("");
                String text = node.path("text").asText("");
                String md = "# " + (title.isBlank() ? "Document " + i : title) + "\n\n" + text + "\n";
                Files.writeString(docs.resolve(String.format(Locale.ROOT, "doc-%06d.md", i)), md);
                i++;
            }
        }
        return i;
    }

    /** The bare model's rate on {@code texts}, in the sync's batch size (shared with {@link PdfIndexingBenchmark}). */
    static double rawRate(OnnxEmbedder embedder, List<String> texts) {
        // in the sync's batch size, so the two differ only by what the pipeline adds
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i += SourceSync.DEFAULT_BATCH_SIZE) {
            embedder.embedPassages(texts.subList(i, Math.min(texts.size(), i + SourceSync.DEFAULT_BATCH_SIZE)));
        }
        return texts.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** The texts the sync embedded: the same reader and chunker, without the index. */
    static List<String> chunkTexts(Path docs) {
        Chunker chunker = new Chunker();
        List<String> texts = new ArrayList<>();
        FolderReader.of(docs).read("bench", new io.docent.indexer.DocumentReader.Sink() {
            @Override
            public void document(SourceDocument document) {
                chunker.chunk(document).stream().map(Chunk::textForEmbedding).forEach(texts::add);
            }

            @Override
            public void failed(ReadFailure failure) {}
        });
        return texts;
    }

    private static void sampleHeap(AtomicLong peak) {
        var memory = ManagementFactory.getMemoryMXBean();
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String peakRss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ").substring(6).strip())
                .findFirst()
                .orElse("unknown");
    }
}
