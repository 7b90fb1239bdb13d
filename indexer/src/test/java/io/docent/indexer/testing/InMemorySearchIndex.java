package io.docent.indexer.testing;

import io.docent.core.Chunk;
import io.docent.core.IndexedDocument;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of {@link SearchIndex}: documents in a map, replaced whole (so atomic per document), listed per
 * source with the hash their chunks carry. Search is naive (term counts, dot products) and only good enough for
 * smoke tests; the real contract suite runs against the Lucene and Azure indexes.
 */
public final class InMemorySearchIndex implements SearchIndex {

    private final Map<String, List<Chunk>> documents = new ConcurrentHashMap<>();
    public final AtomicInteger replaceCalls = new AtomicInteger();
    public final AtomicInteger deleteCalls = new AtomicInteger();
    public final AtomicInteger commitCalls = new AtomicInteger();

    @Override
    public void commit() {
        commitCalls.incrementAndGet();
    }

    @Override
    public void replaceDocument(String documentId, List<Chunk> chunks) {
        replaceCalls.incrementAndGet();
        for (Chunk c : chunks) {
            if (!c.documentId().equals(documentId)) {
                throw new IllegalArgumentException("chunk " + c.id() + " is not of document " + documentId);
            }
        }
        if (chunks.isEmpty()) {
            documents.remove(documentId);
        } else {
            documents.put(documentId, List.copyOf(chunks));
        }
    }

    @Override
    public void deleteDocument(String documentId) {
        deleteCalls.incrementAndGet();
        documents.remove(documentId);
    }

    @Override
    public List<IndexedDocument> listDocuments(String source) {
        List<IndexedDocument> out = new ArrayList<>();
        documents.forEach((id, chunks) -> {
            Chunk first = chunks.getFirst();
            if (first.source().equals(source)) {
                out.add(new IndexedDocument(id, source, first.contentHash(), chunks.size()));
            }
        });
        return out;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        List<SearchHit> hits = new ArrayList<>();
        for (List<Chunk> chunks : documents.values()) {
            for (Chunk c : chunks) {
                if (!request.scope().admits(c.source(), c.space(), c.accessGroups())) {
                    continue;
                }
                double score = 0;
                if (request.mode() != SearchMode.VECTOR) {
                    String text = (c.title() + " " + c.text()).toLowerCase(Locale.ROOT);
                    for (String term : request.text().toLowerCase(Locale.ROOT).split("\\W+")) {
                        if (!term.isEmpty() && text.contains(term)) {
                            score += 1;
                        }
                    }
                }
                if (request.mode() != SearchMode.TEXT && c.embedding() != null) {
                    score += dot(request.vector(), c.embedding());
                }
                if (score > 0) {
                    hits.add(new SearchHit(c, score, 0, 0, Double.NaN));
                }
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return hits.subList(0, Math.min(request.topK(), hits.size()));
    }

    @Override
    public long chunkCount() {
        return documents.values().stream().mapToLong(List::size).sum();
    }

    /** The chunks of a document as stored, or an empty list. */
    public List<Chunk> chunksOf(String documentId) {
        return documents.getOrDefault(documentId, List.of());
    }

    public List<Chunk> allChunks() {
        return documents.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public void close() {}

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
