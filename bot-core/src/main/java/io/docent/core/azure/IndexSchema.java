package io.docent.core.azure;

import static io.docent.core.azure.ChunkFields.ACCESS_GROUPS;
import static io.docent.core.azure.ChunkFields.BREADCRUMB;
import static io.docent.core.azure.ChunkFields.CONTENT;
import static io.docent.core.azure.ChunkFields.CONTENT_HASH;
import static io.docent.core.azure.ChunkFields.DOCUMENT_ID;
import static io.docent.core.azure.ChunkFields.EMBEDDING;
import static io.docent.core.azure.ChunkFields.KEY;
import static io.docent.core.azure.ChunkFields.LAST_MODIFIED;
import static io.docent.core.azure.ChunkFields.ORDINAL;
import static io.docent.core.azure.ChunkFields.SOURCE;
import static io.docent.core.azure.ChunkFields.SPACE;
import static io.docent.core.azure.ChunkFields.TITLE;
import static io.docent.core.azure.ChunkFields.URL;

import com.azure.search.documents.indexes.models.HnswAlgorithmConfiguration;
import com.azure.search.documents.indexes.models.HnswParameters;
import com.azure.search.documents.indexes.models.LexicalAnalyzerName;
import com.azure.search.documents.indexes.models.ScalarQuantizationCompression;
import com.azure.search.documents.indexes.models.ScalarQuantizationParameters;
import com.azure.search.documents.indexes.models.SearchField;
import com.azure.search.documents.indexes.models.SearchFieldDataType;
import com.azure.search.documents.indexes.models.SearchIndex;
import com.azure.search.documents.indexes.models.SemanticConfiguration;
import com.azure.search.documents.indexes.models.SemanticField;
import com.azure.search.documents.indexes.models.SemanticPrioritizedFields;
import com.azure.search.documents.indexes.models.SemanticSearch;
import com.azure.search.documents.indexes.models.VectorSearch;
import com.azure.search.documents.indexes.models.VectorSearchAlgorithmMetric;
import com.azure.search.documents.indexes.models.VectorSearchCompressionTarget;
import com.azure.search.documents.indexes.models.VectorSearchProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The index definition Docent wants: one search document per chunk, the fields of {@link ChunkFields}, an HNSW
 * vector profile (cosine; optionally int8 scalar quantization) and, when enabled, a semantic configuration over title
 * and content. The embedding model is recorded in the index description ({@link AzureIndexIdentity}).
 *
 * <p>Every attribute is set explicitly, because the service's defaults (searchable, filterable, sortable, facetable
 * all on) would make a far larger index than Docent needs.
 */
final class IndexSchema {

    static final String ALGORITHM = "docent-hnsw";
    static final String PROFILE = "docent-vector-profile";
    static final String COMPRESSION = "docent-int8";
    static final String SEMANTIC_CONFIGURATION = "docent-semantic";

    private IndexSchema() {}

    /** The definition for a new index. {@code dimension} 0 means text-only: no vector field. */
    static SearchIndex desired(AzureSearchSettings settings, AzureIndexIdentity identity) {
        LexicalAnalyzerName analyzer = LexicalAnalyzerName.fromString(settings.analyzer());
        List<SearchField> fields = new ArrayList<>(List.of(
                field(KEY, SearchFieldDataType.STRING)
                        .setKey(true)
                        .setFilterable(true)
                        .setSortable(true),
                field(DOCUMENT_ID, SearchFieldDataType.STRING).setFilterable(true),
                field(SOURCE, SearchFieldDataType.STRING).setFilterable(true).setFacetable(true),
                field(SPACE, SearchFieldDataType.STRING).setFilterable(true).setFacetable(true),
                field(TITLE, SearchFieldDataType.STRING).setSearchable(true).setAnalyzerName(analyzer),
                field(URL, SearchFieldDataType.STRING),
                field(BREADCRUMB, SearchFieldDataType.STRING),
                field(CONTENT, SearchFieldDataType.STRING).setSearchable(true).setAnalyzerName(analyzer),
                field(CONTENT_HASH, SearchFieldDataType.STRING),
                field(LAST_MODIFIED, SearchFieldDataType.DATE_TIME_OFFSET)
                        .setFilterable(true)
                        .setSortable(true),
                field(ACCESS_GROUPS, SearchFieldDataType.collection(SearchFieldDataType.STRING))
                        .setFilterable(true),
                field(ORDINAL, SearchFieldDataType.INT32).setSortable(true)));
        SearchIndex index = new SearchIndex(settings.indexName(), fields).setDescription(identity.toDescription());
        if (identity.hasVectors()) {
            fields.add(vectorField(identity.dimension()));
            index.setVectorSearch(vectorSearch(settings.scalarQuantization()));
        }
        if (settings.semantic()) {
            index.setSemanticSearch(semanticSearch());
        }
        return index;
    }

    static SearchField vectorField(int dimension) {
        return new SearchField(EMBEDDING, SearchFieldDataType.collection(SearchFieldDataType.SINGLE))
                .setSearchable(true)
                .setHidden(false) // returned on request: the exact cosine of every hit is computed from it
                .setFilterable(false)
                .setSortable(false)
                .setFacetable(false)
                .setVectorSearchDimensions(dimension)
                .setVectorSearchProfileName(PROFILE);
    }

    static VectorSearch vectorSearch(boolean scalarQuantization) {
        VectorSearchProfile profile = new VectorSearchProfile(PROFILE, ALGORITHM);
        VectorSearch vectorSearch = new VectorSearch()
                .setAlgorithms(List.of(new HnswAlgorithmConfiguration(ALGORITHM)
                        .setParameters(new HnswParameters()
                                .setMetric(VectorSearchAlgorithmMetric.COSINE)
                                .setM(4)
                                .setEfConstruction(400)
                                .setEfSearch(500))))
                .setProfiles(List.of(profile));
        if (scalarQuantization) {
            profile.setCompressionName(COMPRESSION);
            vectorSearch.setCompressions(List.of(new ScalarQuantizationCompression(COMPRESSION)
                    .setParameters(new ScalarQuantizationParameters()
                            .setQuantizedDataType(VectorSearchCompressionTarget.INT8))));
        }
        return vectorSearch;
    }

    static SemanticSearch semanticSearch() {
        return new SemanticSearch()
                .setConfigurations(List.of(semanticConfiguration()))
                .setDefaultConfigurationName(SEMANTIC_CONFIGURATION);
    }

    static SemanticConfiguration semanticConfiguration() {
        return new SemanticConfiguration(
                SEMANTIC_CONFIGURATION,
                new SemanticPrioritizedFields()
                        .setTitleField(new SemanticField(TITLE))
                        .setContentFields(new SemanticField(CONTENT)));
    }

    private static SearchField field(String name, SearchFieldDataType type) {
        return new SearchField(name, type)
                .setKey(false)
                .setHidden(false)
                .setSearchable(false)
                .setFilterable(false)
                .setSortable(false)
                .setFacetable(false);
    }
}
