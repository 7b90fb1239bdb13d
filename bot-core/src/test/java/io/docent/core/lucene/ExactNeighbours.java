package io.docent.core.lucene;

import io.docent.core.SearchHit;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;

/** For the benchmark: the true nearest neighbours by brute force, to measure the recall of HNSW search. */
final class ExactNeighbours {

    private ExactNeighbours() {}

    /** The mean fraction of the exact top {@code k} chunks that a VECTOR search of {@code index} returns. */
    static double recall(LuceneSearchIndex index, List<float[]> queries, int k) {
        index.commit(); // a plain reader sees the last commit
        try (var directory = FSDirectory.open(index.path());
                var reader = DirectoryReader.open(directory)) {
            double found = 0;
            for (float[] query : queries) {
                Set<String> exact = exactTop(reader, query, k);
                List<SearchHit> hits = index.search(new SearchRequest(null, query, SearchMode.VECTOR, k, null));
                found += hits.stream()
                        .filter(h -> exact.contains(h.chunk().id()))
                        .count();
            }
            return found / (queries.size() * (double) k);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Scored(float score, LeafReaderContext leaf, int doc) {}

    private static Set<String> exactTop(DirectoryReader reader, float[] query, int k) throws IOException {
        PriorityQueue<Scored> top = new PriorityQueue<>((a, b) -> Float.compare(a.score(), b.score()));
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkDocuments.VECTOR);
            if (values == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                float score = VectorUtil.dotProduct(query, values.vectorValue(it.index()));
                if (top.size() < k) {
                    top.add(new Scored(score, leaf, doc));
                } else if (score > top.peek().score()) {
                    top.poll();
                    top.add(new Scored(score, leaf, doc));
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (Scored s : top) {
            ids.add(s.leaf().reader().storedFields().document(s.doc()).get(ChunkDocuments.ID));
        }
        return ids;
    }
}
