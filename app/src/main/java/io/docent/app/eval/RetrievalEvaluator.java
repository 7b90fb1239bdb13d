package io.docent.app.eval;

import io.docent.core.Chunk;
import io.docent.core.Embedder;
import io.docent.core.Scope;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Runs a {@link BeirDataset}'s queries against a {@link SearchIndex} and scores the rankings. Each corpus document
 * is indexed as one chunk (title and text), as BEIR's reference numbers are computed. Latency is measured per query
 * as the caller would see it: query embedding (uncached) plus search.
 */
public final class RetrievalEvaluator {

    public static final int DEPTH = 100;
    private static final int EMBED_BATCH = 64;

    private final SearchIndex index;
    private final Embedder embedder;

    public RetrievalEvaluator(SearchIndex index, Embedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    /** Scores of one mode: the means over all judged queries, and latency percentiles in milliseconds. */
    public record ModeResult(
            SearchMode mode,
            int queries,
            double ndcg10,
            double recall10,
            double recall100,
            double mrr10,
            double p50Millis,
            double p99Millis) {}

    /** Indexes the corpus (one chunk per document) and returns how many documents were written. */
    public int indexCorpus(BeirDataset dataset, IntConsumer onProgress) {
        List<BeirDataset.Doc> batch = new ArrayList<>(EMBED_BATCH);
        int[] written = {0};
        dataset.forEachDoc(doc -> {
            batch.add(doc);
            if (batch.size() == EMBED_BATCH) {
                written[0] += writeBatch(dataset.name(), batch);
                onProgress.accept(written[0]);
            }
        });
        written[0] += writeBatch(dataset.name(), batch);
        onProgress.accept(written[0]);
        return written[0];
    }

    private int writeBatch(String source, List<BeirDataset.Doc> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Chunk> chunks = batch.stream()
                .map(d -> new Chunk(
                        d.id() + "#0", d.id(), source, "", d.title(), "", "", d.text(), 0, "", null, null, null))
                .toList();
        List<float[]> vectors = embedder.embedPassages(
                chunks.stream().map(Chunk::textForEmbedding).toList());
        for (int i = 0; i < chunks.size(); i++) {
            index.replaceDocument(
                    chunks.get(i).documentId(), List.of(chunks.get(i).withEmbedding(vectors.get(i))));
        }
        int n = batch.size();
        batch.clear();
        return n;
    }

    public ModeResult evaluate(BeirDataset dataset, SearchMode mode) {
        Map<String, Map<String, Integer>> qrels = dataset.qrels().byQuery();
        double ndcg = 0, recall10 = 0, recall100 = 0, mrr = 0;
        long[] latencies = new long[dataset.queries().size()];
        int q = 0;
        for (var query : dataset.queries().entrySet()) {
            long start = System.nanoTime();
            float[] vector = mode == SearchMode.TEXT ? null : embedder.embedQuery(query.getValue());
            String text = mode == SearchMode.VECTOR ? null : query.getValue();
            List<SearchHit> hits = index.search(new SearchRequest(text, vector, mode, DEPTH, Scope.ALL));
            latencies[q++] = System.nanoTime() - start;
            List<String> ranked = documentIds(hits);
            Map<String, Integer> relevant = qrels.get(query.getKey());
            ndcg += RetrievalMetrics.ndcg(ranked, relevant, 10);
            recall10 += RetrievalMetrics.recall(ranked, relevant, 10);
            recall100 += RetrievalMetrics.recall(ranked, relevant, 100);
            mrr += RetrievalMetrics.mrr(ranked, relevant, 10);
        }
        int n = Math.max(1, q);
        Arrays.sort(latencies);
        return new ModeResult(
                mode,
                q,
                ndcg / n,
                recall10 / n,
                recall100 / n,
                mrr / n,
                percentile(latencies, 50),
                percentile(latencies, 99));
    }

    private static List<String> documentIds(List<SearchHit> hits) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        hits.forEach(h -> ids.add(h.chunk().documentId()));
        return List.copyOf(ids);
    }

    static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(rank, sortedNanos.length - 1))] / 1e6;
    }
}
