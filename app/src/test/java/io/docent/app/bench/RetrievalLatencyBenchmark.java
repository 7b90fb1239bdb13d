package io.docent.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.Scope;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import io.docent.core.lucene.FusionMethod;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.lucene.LuceneSearchIndexBuilder;
import io.docent.core.onnx.OnnxEmbedder;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a user waits for before the answer is composed: the query embedding (uncached, real bge model) plus a hybrid
 * search, over an existing index of any size, for real query texts. Not a test: run by hand, for example over the
 * 100,000-chunk index that {@code LuceneSearchBenchmark} leaves behind (its vectors are synthetic, which makes HNSW's
 * work harder, not easier).
 *
 * <pre>java [-Dbench.fusion=rrf] -cp ... io.docent.app.bench.RetrievalLatencyBenchmark INDEX_DIR MODEL_NAME
 * queries.jsonl</pre>
 */
public final class RetrievalLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String model = args[1];
        List<String> queries = queries(Path.of(args[2]));
        var embedder = new OnnxEmbedder();
        FusionMethod fusion =
                FusionMethod.valueOf(System.getProperty("bench.fusion", LuceneSearchIndexBuilder.DEFAULT_FUSION.name())
                        .toUpperCase(Locale.ROOT));
        try (var index = LuceneSearchIndex.builder(dir)
                .embeddingModel(model, embedder.dimension())
                .fusion(fusion)
                .open()) {
            for (int i = 0; i < Math.min(100, queries.size()); i++) { // warm-up, not timed
                index.search(new SearchRequest(
                        queries.get(i), embedder.embedQuery(queries.get(i)), SearchMode.HYBRID, 10, Scope.ALL));
            }
            long[] total = new long[queries.size()];
            long[] embedding = new long[queries.size()];
            long[] search = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                long start = System.nanoTime();
                float[] vector = embedder.embedQuery(q);
                long embedded = System.nanoTime();
                index.search(new SearchRequest(q, vector, SearchMode.HYBRID, 10, Scope.ALL));
                long done = System.nanoTime();
                total[i] = done - start;
                embedding[i] = embedded - start;
                search[i] = done - embedded;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d chunks, %d queries, %s fusion: embedding+hybrid p50 %.2f ms p99 %.2f ms;"
                            + " embedding alone p50 %.2f ms p99 %.2f ms; hybrid search alone p50 %.2f ms p99 %.2f ms%n",
                    index.chunkCount(),
                    queries.size(),
                    fusion.name().toLowerCase(Locale.ROOT),
                    pct(total, 50),
                    pct(total, 99),
                    pct(embedding, 50),
                    pct(embedding, 99),
                    pct(search, 50),
                    pct(search, 99));
        }
    }

    private static List<String> queries(Path file) throws Exception {
        var json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line).path("text").asText());
                }
            }
        }
        return out;
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }
}
