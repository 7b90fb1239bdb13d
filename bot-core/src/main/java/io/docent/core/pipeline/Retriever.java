package io.docent.core.pipeline;

import io.docent.core.Citation;
import io.docent.core.Embedder;
import io.docent.core.Scope;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 3: hybrid retrieval. Embeds the standalone query, searches the index within the question's scope, and
 * merges the hits of one document into one passage: several chunks of the same page are one source to cite, not
 * three. The merged passage keeps the best hit's score and ranks and joins the chunks' texts in document order.
 */
public final class Retriever {

    public static final int DEFAULT_CANDIDATES = 20;
    public static final int DEFAULT_MAX_SOURCES = 5;
    public static final int DEFAULT_MAX_CHUNKS_PER_SOURCE = 3;

    private final SearchIndex index;
    private final Embedder embedder;
    private final int candidates;
    private final int maxSources;
    private final int maxChunksPerSource;

    public Retriever(SearchIndex index, Embedder embedder, int candidates, int maxSources, int maxChunksPerSource) {
        if (candidates < 1 || maxSources < 1 || maxChunksPerSource < 1) {
            throw new IllegalArgumentException("candidates, maxSources and maxChunksPerSource must be >= 1");
        }
        this.index = index;
        this.embedder = embedder;
        this.candidates = candidates;
        this.maxSources = maxSources;
        this.maxChunksPerSource = maxChunksPerSource;
    }

    public Retriever(SearchIndex index, Embedder embedder) {
        this(index, embedder, DEFAULT_CANDIDATES, DEFAULT_MAX_SOURCES, DEFAULT_MAX_CHUNKS_PER_SOURCE);
    }

    /** The best passages for {@code query}, one per document, best first, at most {@code maxSources}. */
    public List<SearchHit> retrieve(String query, Scope scope) {
        float[] vector = embedder.embedQuery(query);
        List<SearchHit> hits = index.search(new SearchRequest(query, vector, SearchMode.HYBRID, candidates, scope));
        return mergeByDocument(hits);
    }

    List<SearchHit> mergeByDocument(List<SearchHit> hits) {
        Map<String, List<SearchHit>> byDocument = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            List<SearchHit> group = byDocument.computeIfAbsent(hit.chunk().documentId(), id -> new ArrayList<>());
            if (group.size() < maxChunksPerSource) {
                group.add(hit);
            }
        }
        return byDocument.values().stream()
                .limit(maxSources)
                .map(Retriever::merge)
                .toList();
    }

    private static SearchHit merge(List<SearchHit> group) {
        SearchHit best = group.getFirst();
        if (group.size() == 1) {
            return best;
        }
        List<SearchHit> inOrder = group.stream()
                .sorted(Comparator.comparingInt(h -> h.chunk().ordinal()))
                .toList();
        StringBuilder text = new StringBuilder();
        for (SearchHit hit : inOrder) {
            if (!text.isEmpty()) {
                text.append("\n...\n");
            }
            text.append(hit.chunk().text());
        }
        double similarity = group.stream()
                .mapToDouble(SearchHit::similarity)
                .filter(s -> !Double.isNaN(s))
                .max()
                .orElse(best.similarity());
        var chunk = best.chunk();
        String url = Citation.mergedUrl(
                chunk.url(), inOrder.stream().map(h -> h.chunk().url()).toList());
        var merged = new io.docent.core.Chunk(
                chunk.id(),
                chunk.documentId(),
                chunk.source(),
                chunk.space(),
                chunk.title(),
                url,
                chunk.breadcrumb(),
                text.toString(),
                chunk.ordinal(),
                chunk.contentHash(),
                chunk.lastModified(),
                chunk.accessGroups(),
                null);
        return new SearchHit(merged, best.score(), best.textRank(), best.vectorRank(), similarity);
    }
}
