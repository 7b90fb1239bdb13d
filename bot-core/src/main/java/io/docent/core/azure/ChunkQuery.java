package io.docent.core.azure;

import com.azure.core.util.Context;
import com.azure.search.documents.SearchClient;
import com.azure.search.documents.SearchDocument;
import com.azure.search.documents.models.QueryType;
import com.azure.search.documents.models.SearchOptions;
import com.azure.search.documents.models.SearchResult;
import com.azure.search.documents.models.SemanticErrorMode;
import com.azure.search.documents.models.SemanticSearchOptions;
import com.azure.search.documents.models.VectorFilterMode;
import com.azure.search.documents.models.VectorSearchOptions;
import com.azure.search.documents.models.VectorizedQuery;
import io.docent.core.DocentException;
import io.docent.core.SearchHit;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs one {@link SearchRequest} as one call to the service.
 *
 * <p>Hybrid search is the service's own: the search text and a vector query in one request, fused by the service
 * (reciprocal rank fusion), then re-ranked by the semantic ranker when enabled. Filters are pre-filters, so the
 * nearest neighbours are found inside the scope, not cut from a global top k.
 *
 * <p>The service scores a fused list by rank and does not say where a hit stood in each list, so hybrid hits report
 * no ranks (0); instead every vector or hybrid hit carries its exact cosine similarity, computed here from its stored
 * embedding, which is what {@link io.docent.core.pipeline.RelevanceGate} decides on. A hybrid hit without an embedding
 * can only have come from the keyword list and reports its fused position as its text rank.
 *
 * <p>Query text is plain words: the simple syntax's operators ({@code + - | " * ( )} and friends) are replaced by
 * spaces, so a question like {@code C++ (2024)?} cannot fail to parse or turn into a negation.
 */
final class ChunkQuery {

    /** How many neighbours the vector half of a hybrid search contributes to the fusion. */
    static final int HYBRID_NEIGHBOURS = 50;

    static final int MAX_QUERY_TERMS = 200;

    private static final Pattern OPERATORS = Pattern.compile("[+\\-&|!(){}\\[\\]^\"~*?:\\\\/]");

    private final SearchClient client;
    private final AzureIndexIdentity identity;
    private final boolean semantic;

    ChunkQuery(SearchClient client, AzureIndexIdentity identity, boolean semantic) {
        this.client = client;
        this.identity = identity;
        this.semantic = semantic;
    }

    List<SearchHit> search(SearchRequest request, Retrier retrier) {
        String text = request.mode() == SearchMode.VECTOR ? null : plainText(request.text());
        if (request.mode() != SearchMode.TEXT && !identity.hasVectors()) {
            throw new DocentException.InvalidInput("this search index is text-only (it was opened without an"
                    + " embedding model): use TEXT search, or rebuild it with an embedding model");
        }
        if (request.mode() != SearchMode.TEXT && request.vector().length != identity.dimension()) {
            throw new DocentException.InvalidInput("the query vector has " + request.vector().length
                    + " dimensions; the index holds " + identity.dimension());
        }
        SearchMode mode = request.mode() == SearchMode.HYBRID && text == null ? SearchMode.VECTOR : request.mode();
        if (mode == SearchMode.TEXT && text == null) {
            return List.of(); // nothing but punctuation: no keyword can match
        }
        SearchOptions options = new SearchOptions()
                .setTop(request.topK())
                .setFilter(ODataFilter.scope(request.scope()))
                .setSelect(select(mode).toArray(String[]::new));
        if (mode != SearchMode.VECTOR) {
            options.setSearchFields(ChunkFields.TITLE, ChunkFields.CONTENT);
            if (semantic) {
                options.setQueryType(QueryType.SEMANTIC)
                        .setSemanticSearchOptions(new SemanticSearchOptions()
                                .setSemanticConfigurationName(IndexSchema.SEMANTIC_CONFIGURATION)
                                .setErrorMode(SemanticErrorMode.PARTIAL));
            }
        }
        if (mode != SearchMode.TEXT) {
            int k = mode == SearchMode.HYBRID ? Math.max(request.topK(), HYBRID_NEIGHBOURS) : request.topK();
            options.setVectorSearchOptions(new VectorSearchOptions()
                    .setFilterMode(VectorFilterMode.PRE_FILTER)
                    .setQueries(new VectorizedQuery(floats(request.vector()))
                            .setKNearestNeighborsCount(k)
                            .setFields(ChunkFields.EMBEDDING)));
        }
        List<SearchResult> results = retrier.call(() -> run(text, options, request.topK()));
        return hits(results, mode, request.vector());
    }

    private List<SearchResult> run(String text, SearchOptions options, int topK) {
        List<SearchResult> results = new ArrayList<>(topK);
        for (SearchResult result : client.search(text, options, Context.NONE)) {
            results.add(result);
            if (results.size() == topK) {
                break;
            }
        }
        return results;
    }

    private static List<SearchHit> hits(List<SearchResult> results, SearchMode mode, float[] query) {
        List<SearchHit> hits = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            SearchResult result = results.get(i);
            SearchDocument doc = result.getDocument(SearchDocument.class);
            float[] embedding = ChunkFields.embedding(doc);
            double similarity = mode == SearchMode.TEXT || embedding == null ? Double.NaN : cosine(query, embedding);
            Double reranker = result.getSemanticSearch() == null
                    ? null
                    : result.getSemanticSearch().getRerankerScore();
            double score =
                    switch (mode) {
                        case VECTOR -> similarity;
                        case TEXT, HYBRID -> reranker != null ? reranker : result.getScore();
                    };
            int textRank = mode == SearchMode.TEXT || (mode == SearchMode.HYBRID && embedding == null) ? i + 1 : 0;
            int vectorRank = mode == SearchMode.VECTOR ? i + 1 : 0;
            hits.add(new SearchHit(ChunkFields.toChunk(doc), score, textRank, vectorRank, similarity));
        }
        return hits;
    }

    private List<String> select(SearchMode mode) {
        if (mode == SearchMode.TEXT || !identity.hasVectors()) {
            return ChunkFields.STORED;
        }
        List<String> fields = new ArrayList<>(ChunkFields.STORED);
        fields.add(ChunkFields.EMBEDDING);
        return fields;
    }

    /** The words of {@code text} without query operators, at most {@value #MAX_QUERY_TERMS}; null if none. */
    static String plainText(String text) {
        String[] words = OPERATORS.matcher(text).replaceAll(" ").strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(words.length, MAX_QUERY_TERMS)));
    }

    static List<Float> floats(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float v : vector) {
            list.add(v);
        }
        return list;
    }

    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.NaN;
        }
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? Double.NaN : dot / Math.sqrt(na * nb);
    }
}
