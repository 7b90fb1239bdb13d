package io.docent.core.azure;

import io.docent.core.Chunk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Measures how fast documents reach the local Azure-protocol server ({@link FakeSearchService}, https on 127.0.0.1)
 * through {@link AzureSearchIndex#replaceDocument}: one call per document, as the indexer makes them. A first sync
 * (the index is empty) and a re-sync (every document replaced) are timed. Each replace costs one search for the
 * document's existing keys, one upload batch and, when chunks disappear, one delete batch, so the figure is bound by
 * round trips, not by the batch size (which only matters for documents of more than 1,000 chunks or 15 MB). Not a
 * test: run it by hand.
 *
 * <p>System properties: {@code bench.documents} (2000), {@code bench.dimension} (384).
 */
public final class AzureUploadBenchmark {

    private static final int DOCUMENTS = Integer.getInteger("bench.documents", 2_000);
    private static final int DIMENSION = Integer.getInteger("bench.dimension", 384);

    public static void main(String[] args) {
        Random random = new Random(42);
        try (FakeSearchService service = new FakeSearchService();
                AzureSearchIndex index = AzureSearchIndex.builder(AzureSearchIndexTest.settings(service, "benchmark"))
                        .embeddingModel("benchmark-" + DIMENSION, DIMENSION)
                        .httpClient(TestTls.get().httpClient())
                        .open()) {
            List<List<Chunk>> documents = new ArrayList<>();
            for (int d = 0; d < DOCUMENTS; d++) {
                documents.add(document("doc-" + d, 1 + random.nextInt(9), random));
            }
            long chunks = documents.stream().mapToLong(List::size).sum();
            run("first sync", index, service, documents, chunks);
            run("re-sync (replace every document)", index, service, documents, chunks);
        }
    }

    private static void run(
            String label, AzureSearchIndex index, FakeSearchService service, List<List<Chunk>> docs, long chunks) {
        service.requests.clear();
        long start = System.nanoTime();
        for (List<Chunk> doc : docs) {
            index.replaceDocument(doc.getFirst().documentId(), doc);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = service.requests("POST", "search.index").stream()
                .mapToLong(r -> r.body().length())
                .sum();
        System.out.printf(
                Locale.ROOT,
                "%s: %,d documents (%,d chunks, %d dimensions) in %.1f s = %,.0f documents/s, %,.0f chunks/s;"
                        + " %.2f requests per document, %,.0f bytes uploaded per chunk%n",
                label,
                docs.size(),
                chunks,
                DIMENSION,
                seconds,
                docs.size() / seconds,
                chunks / seconds,
                (double) service.requests.size() / docs.size(),
                (double) bytes / chunks);
    }

    private static List<Chunk> document(String id, int chunks, Random random) {
        List<Chunk> list = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            float[] vector = new float[DIMENSION];
            double norm = 0;
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] = (float) random.nextGaussian();
                norm += vector[d] * vector[d];
            }
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] /= (float) Math.sqrt(norm);
            }
            list.add(new Chunk(
                    id + "#" + i,
                    id,
                    "bench",
                    "SPACE",
                    "Title of " + id,
                    "https://wiki/" + id,
                    "",
                    "word ".repeat(150 + random.nextInt(100)),
                    i,
                    "hash-" + id,
                    Instant.now(),
                    Set.of("all"),
                    vector));
        }
        return list;
    }
}
