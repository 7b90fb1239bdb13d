package io.docent.app.eval;

import io.docent.core.Chunk;
import io.docent.core.Embedder;
import io.docent.core.Scope;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import io.docent.core.SourceDocument;
import io.docent.indexer.chunking.Chunker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Runs a {@link BeirDataset}'s queries against a {@link SearchIndex} and scores the rankings. By default each corpus
 * document is indexed as one chunk (title and text), as BEIR's reference numbers are computed; given a
 * {@link Chunker}, documents are cut as {@code docent index} cuts them, and a document ranks where its best chunk
 * ranks (the search then goes {@value #CHUNKED_DEPTH} chunks deep, so that about {@value #DEPTH} documents are still
 * ranked). Latency is measured per query as the caller would see it: query embedding (uncached) plus search.
 */
public final class RetrievalEvaluator {

    public static final int DEPTH = 100;
    static final int CHUNKED_DEPTH = 3 * DEPTH;
    private static final int EMBED_BATCH = 64;

    private final SearchIndex index;
    private final Embedder embedder;
    private final Chunker chunker;

    /** Each document is one chunk. */
    public RetrievalEvaluator(SearchIndex index, Embedder embedder) {
        this(index, embedder, null);
    }

    /** Documents are cut by {@code chunker}; {@code null} for one chunk per document. */
    public RetrievalEvaluator(SearchIndex index, Embedder embedder, Chunker chunker) {
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
    }

    /**
     * Scores of one mode: the means over all judged queries, a 95% bootstrap interval for nDCG@10, each query's
     * nDCG@10 (for cross-validation and paired comparisons), and latency percentiles in milliseconds.
     */
    public record ModeResult(
            SearchMode mode,
            int queries,
            double ndcg10,
            BootstrapInterval ndcg10Interval,
            Map<String, Double> ndcg10ByQuery,
            double recall10,
            double recall100,
            double mrr10,
            double p50Millis,
            double p99Millis) {

        public ModeResult {
            ndcg10ByQuery = Collections.unmodifiableMap(new LinkedHashMap<>(ndcg10ByQuery));
        }
    }

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
        List<List<Chunk>> perDoc = batch.stream().map(d -> chunks(source, d)).toList();
        List<Chunk> all = perDoc.stream().flatMap(List::stream).toList();
        List<float[]> vectors = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += EMBED_BATCH) {
            vectors.addAll(embedder.embedPassages(all.subList(from, Math.min(all.size(), from + EMBED_BATCH)).stream()
                    .map(Chunk::textForEmbedding)
                    .toList()));
        }
        int next = 0;
        for (List<Chunk> chunks : perDoc) {
            List<Chunk> embedded = new ArrayList<>(chunks.size());
            for (Chunk chunk : chunks) {
                embedded.add(chunk.withEmbedding(vectors.get(next++)));
            }
            index.replaceDocument(embedded.getFirst().documentId(), embedded);
        }
        int n = batch.size();
        batch.clear();
        return n;
    }

    private List<Chunk> chunks(String source, BeirDataset.Doc d) {
        if (chunker == null) {
            return List.of(
                    new Chunk(d.id() + "#0", d.id(), source, "", d.title(), "", "", d.text(), 0, "", null, null, null));
        }
        String title = d.title().isBlank() ? d.id() : d.title();
        return chunker.chunk(
                new SourceDocument(d.id(), source, "", title, "", List.of(), d.text(), "eval", null, null, null));
    }

    /** Scores {@code mode} with searches {@value #DEPTH} documents deep. */
    public ModeResult evaluate(BeirDataset dataset, SearchMode mode) {
        return evaluate(dataset, mode, DEPTH);
    }

    /**
     * Scores {@code mode} with searches {@code depth} documents deep: a smaller depth than {@value #DEPTH} is how
     * the answer pipeline searches (it asks for tens of chunks), and it changes what a hybrid search's candidate
     * lists hold, hence how convex fusion normalises their scores. Recall@100 is then bounded by the depth.
     */
    public ModeResult evaluate(BeirDataset dataset, SearchMode mode, int depth) {
        if (depth < 10) {
            throw new IllegalArgumentException("depth must be >= 10 for nDCG@10, was " + depth);
        }
        Map<String, Map<String, Integer>> qrels = dataset.qrels().byQuery();
        double recall10 = 0, recall100 = 0, mrr = 0;
        Map<String, Double> ndcgByQuery = new LinkedHashMap<>();
        long[] latencies = new long[dataset.queries().size()];
        int q = 0;
        for (var query : dataset.queries().entrySet()) {
            long start = System.nanoTime();
            float[] vector = mode == SearchMode.TEXT ? null : embedder.embedQuery(query.getValue());
            String text = mode == SearchMode.VECTOR ? null : query.getValue();
            int hitsWanted = chunker == null ? depth : depth * CHUNKED_DEPTH / DEPTH;
            List<SearchHit> hits = index.search(new SearchRequest(text, vector, mode, hitsWanted, Scope.ALL));
            latencies[q++] = System.nanoTime() - start;
            List<String> ranked = documentIds(hits);
            Map<String, Integer> relevant = qrels.get(query.getKey());
            ndcgByQuery.put(query.getKey(), RetrievalMetrics.ndcg(ranked, relevant, 10));
            recall10 += RetrievalMetrics.recall(ranked, relevant, 10);
            recall100 += RetrievalMetrics.recall(ranked, relevant, 100);
            mrr += RetrievalMetrics.mrr(ranked, relevant, 10);
        }
        int n = Math.max(1, q);
        Arrays.sort(latencies);
        BootstrapInterval ndcg = BootstrapInterval.of(
                ndcgByQuery.values().stream().mapToDouble(Double::doubleValue).toArray());
        return new ModeResult(
                mode,
                q,
                ndcg.mean(),
                ndcg,
                ndcgByQuery,
                recall10 / n,
                recall100 / n,
                mrr / n,
                percentile(latencies, 50),
                percentile(latencies, 99));
    }

    private static List<String> documentIds(List<SearchHit> hits) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        hits.forEach(h -> ids.add(h.chunk().documentId()));
        return ids.stream().limit(DEPTH).toList();
    }

    static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(rank, sortedNanos.length - 1))] / 1e6;
    }
}
