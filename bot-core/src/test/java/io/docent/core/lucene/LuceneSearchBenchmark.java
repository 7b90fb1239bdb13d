package io.docent.core.lucene;

import io.docent.core.AccessGroups;
import io.docent.core.Chunk;
import io.docent.core.Scope;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * Measures indexing throughput, search latency and vector recall of {@link LuceneSearchIndex} on a generated corpus:
 * chunks of Zipf-distributed words from a synthetic vocabulary, random unit vectors (the hardest case for HNSW;
 * with {@code bench.clustered} they lie around topic centres, as embeddings of related texts do), a few sources,
 * spaces and access groups. Not a test: run it by hand, as docs/benchmarks.md shows.
 *
 * <p>System properties: {@code bench.chunks} (100000), {@code bench.dimension} (384), {@code bench.queries}
 * (1000), {@code bench.clustered}, {@code bench.quantized}, {@code bench.candidates} (minimum candidate depth), and
 * {@code bench.reuse} (search the index an earlier run left in the directory instead of building one).
 */
public final class LuceneSearchBenchmark {

    private static final int CHUNKS = Integer.getInteger("bench.chunks", 100_000);
    private static final int DIMENSION = Integer.getInteger("bench.dimension", 384);
    private static final int QUERIES = Integer.getInteger("bench.queries", 1000);
    private static final int WARM_UP = 300;
    private static final int TOP_K = 10;
    private static final String MODEL = "benchmark-random-" + DIMENSION;

    /** Clustered vectors: each document has one of this many topics, its chunks and queries lie near it. */
    private static final boolean CLUSTERED = Boolean.getBoolean("bench.clustered");

    private static final int TOPICS = 2_000;

    private final Random random = new Random(42);
    private final float[][] topics = randomTopics(new Random(11));
    private final SyntheticWords words = new SyntheticWords(new Random(7), 30_000);

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("docent-bench");
        new LuceneSearchBenchmark().run(dir);
    }

    private void run(Path dir) throws IOException {
        boolean reuse = Boolean.getBoolean("bench.reuse") && Files.exists(dir);
        boolean quantized = Boolean.getBoolean("bench.quantized");
        LuceneSearchIndexBuilder builder = builder(dir, quantized);
        System.out.printf(
                Locale.ROOT,
                "Docent LuceneSearchIndex benchmark: %,d chunks, %d dimensions (%s), %d cores, max heap %d MB, %s,"
                        + " min candidates %s%n",
                CHUNKS,
                DIMENSION,
                CLUSTERED ? "clustered around " + TOPICS + " topics" : "uniformly random",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                quantized ? "int7-quantized HNSW" : "float32 HNSW",
                Integer.getInteger("bench.candidates", LuceneSearchIndexBuilder.DEFAULT_MIN_CANDIDATES));
        if (!reuse) {
            try (LuceneSearchIndex index = builder.recreate().open()) {
                index(index);
            }
            builder = builder(dir, quantized);
        }
        System.out.printf(Locale.ROOT, "index on disk: %d MB in %s%n", sizeMb(dir), dir);
        try (LuceneSearchIndex index = builder.open()) {
            search(index);
        }
    }

    private static LuceneSearchIndexBuilder builder(Path dir, boolean quantized) {
        int candidates = Integer.getInteger("bench.candidates", LuceneSearchIndexBuilder.DEFAULT_MIN_CANDIDATES);
        return LuceneSearchIndex.builder(dir)
                .embeddingModel(MODEL, DIMENSION)
                .quantized(quantized)
                .candidates(LuceneSearchIndexBuilder.DEFAULT_CANDIDATE_FACTOR, candidates);
    }

    private void index(LuceneSearchIndex index) {
        long start = System.nanoTime();
        int written = 0;
        for (int doc = 0; written < CHUNKS; doc++) {
            int size = Math.min(1 + random.nextInt(9), CHUNKS - written);
            index.replaceDocument("doc-" + doc, document(doc, size));
            written += size;
            if (written % 20_000 < size) {
                System.out.printf(Locale.ROOT, "  %,d chunks, %.0f s%n", written, seconds(start));
            }
        }
        double indexing = seconds(start);
        index.commit();
        double committed = seconds(start);
        System.out.printf(
                Locale.ROOT,
                "indexing: %,d chunks in %.1f s = %,.0f chunks/s (one replaceDocument per document);"
                        + " with commit %.1f s = %,.0f chunks/s; heap used %d MB%n",
                CHUNKS,
                indexing,
                CHUNKS / indexing,
                committed,
                CHUNKS / committed,
                usedHeapMb());
        long closing = System.nanoTime();
        index.close();
        System.out.printf(Locale.ROOT, "close (waits for merges): %.1f s%n", seconds(closing));
    }

    private List<Chunk> document(int doc, int size) {
        String source = "source-" + (doc % 3);
        String space = "SPACE-" + (doc % 10);
        Set<String> groups = doc % 3 == 0 ? Set.of("group-" + (doc % 20)) : Set.of(AccessGroups.PUBLIC);
        int topic = random.nextInt(TOPICS);
        String title = words.phrase(random, 3 + random.nextInt(4));
        List<Chunk> chunks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            chunks.add(new Chunk(
                    "doc-" + doc + "#" + i,
                    "doc-" + doc,
                    source,
                    space,
                    title,
                    "https://wiki.example.com/" + doc,
                    "Home > " + title,
                    words.phrase(random, 80 + random.nextInt(120)),
                    i,
                    "hash-" + doc,
                    Instant.EPOCH,
                    groups,
                    vectorNear(topic)));
        }
        return chunks;
    }

    private void search(LuceneSearchIndex index) throws IOException {
        System.out.printf(
                Locale.ROOT, "chunks in index: %,d in %d segments%n", index.chunkCount(), segments(index.path()));
        List<String> texts = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < WARM_UP + QUERIES; i++) {
            texts.add(words.phrase(random, 2 + random.nextInt(7)));
            vectors.add(vectorNear(random.nextInt(TOPICS)));
        }
        Scope user = new Scope(Set.of(), Set.of(), Set.of(AccessGroups.PUBLIC, "group-3", "group-7"));
        // a person in 1,000 Entra groups, as Graph returns for some: two of them open documents here
        Set<String> many = new java.util.HashSet<>(Set.of(AccessGroups.PUBLIC, "group-3", "group-7"));
        Random ids = new Random(5);
        while (many.size() < 1_000) {
            many.add("group:" + new java.util.UUID(ids.nextLong(), ids.nextLong()));
        }
        Scope thousand = new Scope(Set.of(), Set.of(), many);
        for (SearchMode mode : SearchMode.values()) {
            run(index, mode, Scope.ALL, texts, vectors, null); // warm every path before measuring any
        }
        measure(index, "TEXT", SearchMode.TEXT, Scope.ALL, texts, vectors);
        measure(index, "VECTOR", SearchMode.VECTOR, Scope.ALL, texts, vectors);
        measure(index, "HYBRID", SearchMode.HYBRID, Scope.ALL, texts, vectors);
        measure(index, "HYBRID + access groups", SearchMode.HYBRID, user, texts, vectors);
        measure(index, "HYBRID + public only", SearchMode.HYBRID, Scope.PUBLIC, texts, vectors);
        measure(index, "HYBRID + 1,000 groups", SearchMode.HYBRID, thousand, texts, vectors);
        measure(index, "HYBRID (again)", SearchMode.HYBRID, Scope.ALL, texts, vectors);
        measure(index, "HYBRID + source", SearchMode.HYBRID, Scope.sources("source-1"), texts, vectors);
        System.out.printf(Locale.ROOT, "heap used after searching: %d MB%n", usedHeapMb());
        System.out.printf(
                Locale.ROOT,
                "VECTOR recall@%d against exact search: %.3f (100 queries)%n",
                TOP_K,
                ExactNeighbours.recall(index, vectors.subList(0, 100), TOP_K));
    }

    private static void measure(
            LuceneSearchIndex index,
            String name,
            SearchMode mode,
            Scope scope,
            List<String> texts,
            List<float[]> vectors) {
        long[] nanos = new long[QUERIES];
        double hits = run(index, mode, scope, texts, vectors, nanos);
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%-24s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (mean hits %.1f)%n",
                name,
                nanos[QUERIES / 2] / 1e6,
                nanos[QUERIES * 9 / 10] / 1e6,
                nanos[QUERIES * 99 / 100] / 1e6,
                nanos[QUERIES - 1] / 1e6,
                hits);
    }

    /** Runs every query; fills {@code nanos} (if given) with the latencies after the warm-up. Mean hits. */
    private static double run(
            LuceneSearchIndex index,
            SearchMode mode,
            Scope scope,
            List<String> texts,
            List<float[]> vectors,
            long[] nanos) {
        long hits = 0;
        for (int i = 0; i < texts.size(); i++) {
            SearchRequest request = new SearchRequest(
                    mode == SearchMode.VECTOR ? null : texts.get(i),
                    mode == SearchMode.TEXT ? null : vectors.get(i),
                    mode,
                    TOP_K,
                    scope);
            long start = System.nanoTime();
            hits += index.search(request).size();
            if (nanos != null && i >= WARM_UP) {
                nanos[i - WARM_UP] = System.nanoTime() - start;
            }
        }
        return hits / (double) texts.size();
    }

    /** A random unit vector, or with {@code bench.clustered} one at cosine ~0.78 from the topic's centre. */
    private float[] vectorNear(int topic) {
        float[] v = randomUnitVector(random);
        if (!CLUSTERED) {
            return v;
        }
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = topics[topic][i] + 0.8f * v[i];
        }
        return normalize(v);
    }

    private static float[][] randomTopics(Random random) {
        float[][] topics = new float[TOPICS][];
        for (int t = 0; t < TOPICS; t++) {
            topics[t] = randomUnitVector(random);
        }
        return topics;
    }

    private static float[] randomUnitVector(Random random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return normalize(v);
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long usedHeapMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    private static int segments(Path dir) throws IOException {
        try (var directory = FSDirectory.open(dir)) {
            return SegmentInfos.readLatestCommit(directory).size();
        }
    }

    private static long sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum() >> 20;
        }
    }
}
