package io.docent.core.azure;

import static io.docent.core.TestChunk.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.core.DocentException;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creating, checking and completing the index: idempotent, and never dropping what it cannot use. */
class AzureSearchIndexSchemaTest extends FakeSearchSupport {

    @Test
    void creates_the_index_with_docent_fields_vector_profile_and_recorded_model() {
        open().close();

        JsonNode definition = definition();
        assertThat(field("id").path("key").asBoolean()).isTrue();
        assertThat(field("id").path("sortable").asBoolean()).isTrue();
        for (String filterable : List.of("doc_id", "source", "space", "access_groups")) {
            assertThat(field(filterable).path("filterable").asBoolean())
                    .as(filterable)
                    .isTrue();
        }
        assertThat(field("content").path("searchable").asBoolean()).isTrue();
        assertThat(field("content").path("analyzer").asText()).isEqualTo("en.lucene");
        assertThat(field("url").path("searchable").asBoolean()).isFalse();
        assertThat(field("access_groups").path("type").asText()).isEqualTo("Collection(Edm.String)");
        assertThat(field("embedding").path("dimensions").asInt()).isEqualTo(4);
        assertThat(field("embedding").path("vectorSearchProfile").asText()).isEqualTo(IndexSchema.PROFILE);
        JsonNode algorithm = definition.path("vectorSearch").path("algorithms").get(0);
        assertThat(algorithm.path("kind").asText()).isEqualTo("hnsw");
        assertThat(algorithm.path("hnswParameters").path("metric").asText()).isEqualTo("cosine");
        assertThat(definition.path("description").asText())
                .contains("embedding-model=test-model")
                .contains("dimensions=4");
        assertThat(definition.has("semantic") && !definition.get("semantic").isNull())
                .isFalse();
    }

    @Test
    void opening_again_changes_nothing() {
        open().close();
        open().close();

        assertThat(service.requests("PUT", "/indexes")).hasSize(1);
        assertThat(service.requests("DELETE", "/indexes")).isEmpty();
    }

    @Test
    void semantic_configuration_and_quantization_are_part_of_the_index_when_enabled() {
        var settings = new AzureSearchSettings(
                service.endpoint(), indexName, FakeSearchService.API_KEY, true, "de.microsoft", true);
        builder(settings).open().close();

        JsonNode semantic = definition().path("semantic").path("configurations").get(0);
        assertThat(semantic.path("name").asText()).isEqualTo(IndexSchema.SEMANTIC_CONFIGURATION);
        assertThat(semantic.path("prioritizedFields")
                        .path("titleField")
                        .path("fieldName")
                        .asText())
                .isEqualTo("title");
        assertThat(definition()
                        .path("vectorSearch")
                        .path("compressions")
                        .get(0)
                        .path("kind")
                        .asText())
                .isEqualTo("scalarQuantization");
        assertThat(field("title").path("analyzer").asText()).isEqualTo("de.microsoft");
    }

    @Test
    void enabling_the_semantic_ranker_later_adds_its_configuration_in_place() {
        open().close();

        builder(settings().withSemantic(true)).open().close();

        assertThat(IndexProvisioner.hasSemanticConfiguration(definitionAsSdk())).isTrue();
        assertThat(service.requests("PUT", "/indexes")).hasSize(2);
        assertThat(definition().path("description").asText()).contains("test-model");
    }

    @Test
    void index_of_another_embedding_model_is_refused_and_kept() {
        try (var index = open()) {
            index.replaceDocument("doc", List.of(chunk("doc").vector(1, 0, 0, 0).build()));
        }

        assertThatThrownBy(() -> AzureSearchIndex.builder(settings())
                        .embeddingModel("text-embedding-3-small", 4)
                        .httpClient(TestTls.get().httpClient())
                        .open())
                .isInstanceOf(DocentException.IndexUnavailable.class)
                .hasMessageContaining("'test-model'")
                .hasMessageContaining("'text-embedding-3-small'")
                .hasMessageContaining("AZURE_SEARCH_INDEX");
        assertThat(service.index(indexName).docs).hasSize(1);
        assertThat(service.requests("DELETE", "/indexes")).isEmpty();
    }

    @Test
    void index_with_other_vector_dimensions_is_refused() {
        open().close();

        assertThatThrownBy(() -> AzureSearchIndex.builder(settings())
                        .embeddingModel(MODEL, 8)
                        .httpClient(TestTls.get().httpClient())
                        .open())
                .isInstanceOf(DocentException.IndexUnavailable.class)
                .hasMessageContaining("4 dimensions, not 8");
    }

    @Test
    void index_with_an_incompatible_schema_is_refused_with_every_difference_and_not_dropped() {
        ObjectNode foreign = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(Map.of(
                        "name",
                        indexName,
                        "fields",
                        List.of(
                                Map.of("name", "id", "type", "Edm.String", "key", true),
                                Map.of("name", "source", "type", "Edm.String", "filterable", false),
                                Map.of("name", "ordinal", "type", "Edm.String"))));
        service.putIndex(indexName, foreign);

        assertThatThrownBy(this::open)
                .isInstanceOf(DocentException.IndexUnavailable.class)
                .hasMessageContaining("field 'source' is not filterable")
                .hasMessageContaining("field 'ordinal' is Edm.String, not Edm.Int32")
                .hasMessageContaining("never deletes");
        assertThat(service.index(indexName).definition.get("fields")).hasSize(3);
        assertThat(service.requests("PUT", "/indexes")).isEmpty();
    }

    @Test
    void empty_index_without_a_recorded_model_is_claimed_but_one_with_documents_is_refused() throws Exception {
        ObjectNode compatible = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(IndexSchema.desired(settings(), AzureIndexIdentity.of(MODEL, 4))
                        .toJsonString());
        compatible.remove("description");
        service.putIndex(indexName, compatible.deepCopy());

        open().close();
        assertThat(definition().path("description").asText()).contains("embedding-model=test-model");

        service.putIndex(indexName, compatible.deepCopy());
        service.index(indexName).docs.put("a", new java.util.HashMap<>(Map.of("id", "a")));
        assertThatThrownBy(this::open)
                .isInstanceOf(DocentException.IndexUnavailable.class)
                .hasMessageContaining("records no embedding model");
    }

    @Test
    void an_empty_index_without_vectors_gains_the_vector_field_beside_its_own_profiles() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        ObjectNode textOnly = (ObjectNode) json.readTree(
                IndexSchema.desired(settings(), AzureIndexIdentity.of("", 0)).toJsonString());
        textOnly.remove("description");
        textOnly.set(
                "vectorSearch",
                json.readTree("{\"algorithms\":[{\"name\":\"theirs\",\"kind\":\"hnsw\"}],"
                        + "\"profiles\":[{\"name\":\"their-profile\",\"algorithm\":\"theirs\"}]}"));
        service.putIndex(indexName, textOnly);

        open().close();

        assertThat(field("embedding").path("dimensions").asInt()).isEqualTo(4);
        assertThat(definition().path("vectorSearch").path("profiles"))
                .extracting(p -> p.path("name").asText())
                .containsExactly("their-profile", IndexSchema.PROFILE);
    }

    @Test
    void text_only_index_has_no_vector_field_and_refuses_vector_search() {
        try (var index = AzureSearchIndex.builder(settings())
                .textOnly()
                .httpClient(TestTls.get().httpClient())
                .open()) {
            index.replaceDocument(
                    "doc",
                    List.of(chunk("doc")
                            .text("printer drivers")
                            .vector(1, 0, 0, 0)
                            .build()));

            assertThat(field("embedding")).isNull();
            assertThat(index.search(new SearchRequest("printer", null, SearchMode.TEXT, 5, null)))
                    .hasSize(1);
            assertThatThrownBy(
                            () -> index.search(new SearchRequest("printer", new float[4], SearchMode.HYBRID, 5, null)))
                    .isInstanceOf(DocentException.InvalidInput.class)
                    .hasMessageContaining("text-only");
        }
    }

    private com.azure.search.documents.indexes.models.SearchIndex definitionAsSdk() {
        try (var reader = com.azure.json.JsonProviders.createReader(definition().toString())) {
            return com.azure.search.documents.indexes.models.SearchIndex.fromJson(reader);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
