package io.docent.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A {@link SearchIndex} in memory, for tests that need an index but are not about one (the indexer's sync tests), and
 * that passes the same {@link SearchIndexContract} as the Lucene and Azure indexes ({@code InMemorySearchIndexTest}),
 * so what those tests rely on is the contract, not a double's accident.
 *
 * <p>Documents live in a map, each replaced whole by one {@code put} of an immutable list (atomic per document for
 * concurrent readers). Keyword search analyses title, breadcrumb and text as the embedded index does (English
 * stemming) and scores the query's terms by their idf; vector search ranks by the dot product of the (unit) vectors;
 * hybrid fuses the two lists by reciprocal rank. Scope filtering comes before ranking in every mode. Closing keeps the
 * documents, so the same instance serves as its own reopened index. Counters let tests see how it was used.
 */
public final class InMemorySearchIndex implements SearchIndex {

    private static final int RRF_K = 60;

    private final Map<String, List<Chunk>> documents = new ConcurrentHashMap<>();
    private final Analyzer analyzer = new EnglishAnalyzer();
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
        List<Chunk> admitted = new ArrayList<>();
        for (List<Chunk> chunks : documents.values()) { // each document's chunks read as one snapshot
            for (Chunk c : chunks) {
                if (request.scope().admits(c.source(), c.space(), c.accessGroups())) {
                    admitted.add(c);
                }
            }
        }
        List<Chunk> keyword = request.mode() == SearchMode.VECTOR ? List.of() : keywordRanked(request.text(), admitted);
        List<Chunk> vector = request.mode() == SearchMode.TEXT || request.vector() == null
                ? List.of()
                : vectorRanked(request.vector(), admitted);
        Map<Chunk, double[]> fused = new LinkedHashMap<>(); // score, text rank, vector rank
        for (int i = 0; i < keyword.size(); i++) {
            fused.computeIfAbsent(keyword.get(i), c -> new double[3])[1] = i + 1;
        }
        for (int i = 0; i < vector.size(); i++) {
            fused.computeIfAbsent(vector.get(i), c -> new double[3])[2] = i + 1;
        }
        List<SearchHit> hits = new ArrayList<>();
        fused.forEach((c, r) -> {
            double score = (r[1] > 0 ? 1.0 / (RRF_K + r[1]) : 0) + (r[2] > 0 ? 1.0 / (RRF_K + r[2]) : 0);
            double similarity = c.embedding() == null || request.vector() == null
                    ? Double.NaN
                    : dot(request.vector(), c.embedding());
            hits.add(new SearchHit(c, score, (int) r[1], (int) r[2], similarity));
        });
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return List.copyOf(hits.subList(0, Math.min(request.topK(), hits.size())));
    }

    private List<Chunk> keywordRanked(String query, List<Chunk> chunks) {
        Set<String> queryTerms = new HashSet<>(terms(query));
        if (queryTerms.isEmpty()) {
            return List.of();
        }
        Map<Chunk, Set<String>> termsOf = new HashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Chunk c : chunks) {
            Set<String> t = new HashSet<>(terms(c.title() + "\n" + c.breadcrumb() + "\n" + c.text()));
            t.retainAll(queryTerms);
            termsOf.put(c, t);
            t.forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        int n = chunks.size();
        Map<Chunk, Double> scores = new HashMap<>();
        termsOf.forEach((c, found) -> {
            double score = 0;
            for (String term : found) {
                int df = documentFrequency.get(term);
                score += Math.log(1 + (n - df + 0.5) / (df + 0.5));
            }
            if (!found.isEmpty()) {
                scores.put(c, score);
            }
        });
        return scores.entrySet().stream()
                .sorted(Map.Entry.<Chunk, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<Chunk> vectorRanked(float[] query, List<Chunk> chunks) {
        return chunks.stream()
                .filter(c -> c.embedding() != null)
                .sorted(Comparator.comparingDouble((Chunk c) -> dot(query, c.embedding()))
                        .reversed())
                .toList();
    }

    private List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
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

    /** Keeps the documents: the same instance is its own reopened index. */
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
