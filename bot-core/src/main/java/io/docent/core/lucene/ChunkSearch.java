package io.docent.core.lucene;

import io.docent.core.DocentException;
import io.docent.core.SearchHit;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.VectorUtil;

/**
 * Runs one {@link SearchRequest} against a point-in-time {@link IndexSearcher}.
 *
 * <p>Both retrievers only rank doc ids; stored fields are read for the final {@code topK} hits alone, because
 * decompressing stored fields is the one per-hit cost that grows with the candidate depth. Similarity is computed
 * exactly from the indexed vectors of those hits, so it is known for keyword-only hits of a hybrid search too.
 */
final class ChunkSearch {

    private final KeywordQuery keywords;
    private final ChunkDocuments documents;
    private final boolean vectors;
    private final HybridFusion fusion;
    private final int minCandidates;
    private final int candidateFactor;

    ChunkSearch(KeywordQuery keywords, ChunkDocuments documents, boolean vectors, IndexOptions options) {
        this.keywords = keywords;
        this.documents = documents;
        this.vectors = vectors;
        this.fusion = options.hybridFusion();
        this.minCandidates = options.minCandidates();
        this.candidateFactor = options.candidateFactor();
    }

    List<SearchHit> search(IndexSearcher searcher, SearchRequest request) throws IOException {
        if (request.mode() == SearchMode.TEXT) {
            ScoreDoc[] text = keywordList(searcher, request, request.topK());
            List<RankedDoc> ranked = new ArrayList<>(text.length);
            for (int i = 0; i < text.length; i++) {
                ranked.add(new RankedDoc(text[i].doc, text[i].score, i + 1, 0));
            }
            return hits(searcher, ranked, null);
        }
        if (!vectors) {
            throw new DocentException.InvalidInput("this search index is text-only (it was opened without an"
                    + " embedding model): use TEXT search, or rebuild it with an embedding model");
        }
        float[] query = documents.unitVector(request.vector(), "the query");
        int depth = Math.max(request.topK() * candidateFactor, minCandidates);
        if (request.mode() == SearchMode.VECTOR) {
            // HNSW explores as many candidates as it is asked for: asking for topK alone loses most neighbours
            ScoreDoc[] vector = vectorList(searcher, request, query, depth);
            List<RankedDoc> ranked = new ArrayList<>(request.topK());
            for (int i = 0; i < Math.min(vector.length, request.topK()); i++) {
                ranked.add(new RankedDoc(vector[i].doc, cosine(vector[i].score), 0, i + 1));
            }
            return hits(searcher, ranked, query);
        }
        ScoreDoc[] text = keywordList(searcher, request, depth);
        ScoreDoc[] vector = vectorList(searcher, request, query, depth);
        return hits(searcher, fusion.fuse(text, vector, request.topK()), query);
    }

    private ScoreDoc[] keywordList(IndexSearcher searcher, SearchRequest request, int depth) throws IOException {
        Query query = keywords.build(request.text());
        if (query == null) {
            return new ScoreDoc[0];
        }
        return searcher.search(ScopeFilter.restrict(query, request.scope()), depth).scoreDocs;
    }

    private static ScoreDoc[] vectorList(IndexSearcher searcher, SearchRequest request, float[] query, int depth)
            throws IOException {
        Query filter = ScopeFilter.of(request.scope());
        return searcher.search(new KnnFloatVectorQuery(ChunkDocuments.VECTOR, query, depth, filter), depth).scoreDocs;
    }

    /** Lucene scores DOT_PRODUCT as {@code (1 + dot) / 2}; on unit vectors the dot product is the cosine. */
    private static double cosine(float luceneScore) {
        return 2.0 * luceneScore - 1.0;
    }

    private static List<SearchHit> hits(IndexSearcher searcher, List<RankedDoc> ranked, float[] query)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(ranked.size());
        for (RankedDoc doc : ranked) {
            double similarity = query == null ? Double.NaN : similarity(searcher, doc.doc(), query);
            hits.add(new SearchHit(
                    ChunkDocuments.toChunk(stored.document(doc.doc())),
                    doc.score(),
                    doc.textRank(),
                    doc.vectorRank(),
                    similarity));
        }
        return hits;
    }

    /** The cosine between the query and the indexed vector of {@code doc}, or NaN if it has none. */
    private static double similarity(IndexSearcher searcher, int doc, float[] query) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkDocuments.VECTOR);
        if (values == null) {
            return Double.NaN;
        }
        int target = doc - leaf.docBase;
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        if (iterator.advance(target) != target) {
            return Double.NaN;
        }
        return VectorUtil.dotProduct(query, values.vectorValue(iterator.index()));
    }
}
