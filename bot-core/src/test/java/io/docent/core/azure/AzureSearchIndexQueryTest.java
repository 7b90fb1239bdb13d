package io.docent.core.azure;

import static io.docent.core.TestChunk.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import io.docent.core.DocentException;
import io.docent.core.Scope;
import io.docent.core.SearchHit;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import io.docent.core.TestChunk;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** What a search sends (hybrid, semantic, filters that values cannot break) and how credentials are used. */
class AzureSearchIndexQueryTest extends FakeSearchSupport {

    private static final float[] QUERY = TestChunk.unit(1, 0, 0, 0);

    @Test
    void hybrid_search_is_one_request_with_text_and_a_prefiltered_vector_query() {
        try (var index = open()) {
            index.replaceDocument(
                    "vpn",
                    List.of(chunk("vpn")
                            .text("VPN setup")
                            .vector(0.6f, 0.8f, 0, 0)
                            .build()));

            List<SearchHit> hits = index.search(
                    new SearchRequest("vpn setup", QUERY, SearchMode.HYBRID, 5, Scope.sources("handbook")));

            JsonNode body = bodies("POST", "search.post.search").getLast();
            assertThat(body.get("search").asText()).isEqualTo("vpn setup");
            assertThat(body.get("filter").asText()).isEqualTo("source eq 'handbook'");
            assertThat(body.get("vectorFilterMode").asText()).isEqualTo("preFilter");
            JsonNode vectorQuery = body.get("vectorQueries").get(0);
            assertThat(vectorQuery.get("kind").asText()).isEqualTo("vector");
            assertThat(vectorQuery.get("fields").asText()).isEqualTo("embedding");
            assertThat(vectorQuery.get("k").asInt()).isEqualTo(ChunkQuery.HYBRID_NEIGHBOURS);
            assertThat(body.get("top").asInt()).isEqualTo(5);
            assertThat(hits).singleElement().satisfies(hit -> {
                assertThat(hit.similarity()).isCloseTo(0.6, offset(1e-6));
                assertThat(hit.chunk().embedding()).isNull();
            });
        }
    }

    @Test
    void semantic_ranker_reorders_keyword_and_hybrid_queries_when_enabled() {
        try (var index = builder(settings().withSemantic(true)).open()) {
            index.replaceDocument(
                    "a",
                    List.of(chunk("a").text("holiday rules").vector(1, 0, 0, 0).build()));

            List<SearchHit> hits = index.search(new SearchRequest("holiday", QUERY, SearchMode.HYBRID, 5, null));

            JsonNode body = bodies("POST", "search.post.search").getLast();
            assertThat(body.get("queryType").asText()).isEqualTo("semantic");
            assertThat(body.get("semanticConfiguration").asText()).isEqualTo(IndexSchema.SEMANTIC_CONFIGURATION);
            // the reranker's score (0..4), not the fused rank score (at most 2/61)
            assertThat(hits.getFirst().score()).isGreaterThan(0.5).isLessThanOrEqualTo(4.0);
        }
    }

    @Test
    void values_with_quotes_are_matched_exactly_and_cannot_widen_the_filter() {
        try (var index = open()) {
            index.replaceDocument(
                    "irish",
                    List.of(chunk("irish").source("o'brien").text("tea").build()));
            index.replaceDocument(
                    "other", List.of(chunk("other").source("wiki").text("tea").build()));

            assertThat(ids(index.search(text(Scope.sources("o'brien"))))).containsExactly("irish");
            assertThat(index.search(text(Scope.sources("x' or source ne 'y")))).isEmpty();
            assertThat(index.search(text(new Scope(Set.of("wiki', 'o''brien"), Set.of(), null))))
                    .isEmpty();
            assertThat(ids(index.search(text(new Scope(Set.of("wiki", "o'brien"), Set.of(), null)))))
                    .containsExactlyInAnyOrder("irish", "other");
            assertThat(bodies("POST", "search.post.search"))
                    .extracting(b -> b.get("filter").asText())
                    .contains("source eq 'x'' or source ne ''y'", "search.in(source, 'o''brien|wiki', '|')");
        }
    }

    @Test
    void group_names_containing_the_list_delimiter_stay_whole() {
        try (var index = open()) {
            index.replaceDocument(
                    "piped", List.of(chunk("piped").groups("hr|it").text("tea").build()));
            index.replaceDocument(
                    "hr", List.of(chunk("hr").groups("hr").text("tea").build()));

            assertThat(ids(index.search(text(new Scope(Set.of(), Set.of(), Set.of("hr|it", "ops"))))))
                    .containsExactly("piped");
            assertThat(ids(index.search(text(new Scope(Set.of(), Set.of(), Set.of("hr", "it"))))))
                    .containsExactly("hr");
        }
    }

    @Test
    void query_operators_are_sent_as_plain_words() {
        try (var index = open()) {
            index.search(new SearchRequest("C++ -refund \"policy (2024)?", null, SearchMode.TEXT, 5, null));

            assertThat(bodies("POST", "search.post.search")
                            .getLast()
                            .get("search")
                            .asText())
                    .isEqualTo("C refund policy 2024");
        }
    }

    @Test
    void dates_come_back_to_the_millisecond() {
        try (var index = open()) {
            index.replaceDocument("doc", List.of(chunk("doc").text("tea").build()));

            var chunk = index.search(text(Scope.ALL)).getFirst().chunk();

            assertThat(chunk.lastModified())
                    .isEqualTo(OffsetDateTime.parse("2024-05-01T10:15:30.123Z").toInstant());
        }
    }

    @Test
    void refused_credentials_name_the_setting_and_never_the_key() {
        var wrongKey =
                new AzureSearchSettings(service.endpoint(), indexName, "wrong-key-123456", false, "en.lucene", false);

        assertThatThrownBy(() -> builder(wrongKey).open())
                .isInstanceOf(DocentException.IndexUnavailable.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("AZURE_SEARCH_API_KEY")
                .satisfies(e -> assertThat(e.getMessage() + e.getCause()).doesNotContain("wrong-key-123456"));
        assertThat(wrongKey.toString()).doesNotContain("wrong-key-123456");
    }

    @Test
    void without_a_key_the_entra_id_token_is_sent() {
        service.acceptBearer("entra-token");
        TokenCredential credential = request ->
                Mono.just(new AccessToken("entra-token", OffsetDateTime.now().plusHours(1)));
        var keyless = AzureSearchSettings.of(service.endpoint(), indexName);

        try (var index = AzureSearchIndex.builder(keyless)
                .embeddingModel(MODEL, 4)
                .httpClient(TestTls.get().httpClient())
                .credential(credential)
                .open()) {
            index.chunkCount();
        }

        assertThat(service.requests.getLast().headers().get("Authorization")).containsExactly("Bearer entra-token");
        assertThat(service.requests.getLast().headers()).doesNotContainKey("Api-key");
    }

    @Test
    void an_unreachable_service_is_reported_with_its_address() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = "https://127.0.0.1:" + closedPort;
        var nowhere = new AzureSearchSettings(endpoint, indexName, "key", false, "en.lucene", false);

        assertThatThrownBy(() -> builder(nowhere).open())
                .isInstanceOf(DocentException.IndexUnavailable.class)
                .hasMessageContaining(endpoint)
                .hasMessageContaining("cannot reach");
        assertThat(sleeps).hasSize(Retrier.DEFAULT_MAX_ATTEMPTS - 1);
    }

    private static SearchRequest text(Scope scope) {
        return new SearchRequest("tea", null, SearchMode.TEXT, 10, scope);
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.chunk().documentId()).toList();
    }
}
