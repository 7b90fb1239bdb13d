package io.docent.core.azure;

import static io.docent.core.TestChunk.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.core.Chunk;
import io.docent.core.DocentException;
import io.docent.core.IndexedDocument;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Uploads within the service's limits, partial failures, throttling, deletes and keyset listing. */
class AzureSearchIndexWritesTest extends FakeSearchSupport {

    @Test
    void uploads_are_batched_within_1000_documents() {
        try (var index = open()) {
            index.replaceDocument("big", chunks("big", 2_500, "word"));

            assertThat(bodies("POST", "search.index"))
                    .extracting(b -> b.get("value").size())
                    .containsExactly(1_000, 1_000, 500);
            assertThat(index.chunkCount()).isEqualTo(2_500);
        }
    }

    @Test
    void uploads_are_batched_within_the_byte_limit() {
        long limit = 20_000;
        try (var index = builder(settings()).batchLimits(1_000, limit).open()) {
            index.replaceDocument("doc", chunks("doc", 30, "lorem ipsum dolor sit amet ".repeat(60)));

            var uploads = service.requests("POST", "search.index");
            assertThat(uploads).hasSizeGreaterThan(1);
            assertThat(uploads).isNotEmpty().allSatisfy(r -> assertThat(
                            r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo((int) limit + 64));
            assertThat(index.chunkCount()).isEqualTo(30);
        }
    }

    @Test
    void a_chunk_larger_than_a_request_is_refused_before_anything_is_written() {
        try (var index = builder(settings()).batchLimits(1_000, 1_000).open()) {
            var huge = chunk("doc").text("x".repeat(5_000)).vector(1, 0, 0, 0).build();

            assertThatThrownBy(() -> index.replaceDocument("doc", List.of(huge)))
                    .isInstanceOf(DocentException.InvalidInput.class)
                    .hasMessageContaining("doc#0")
                    .hasMessageContaining("too large");
            assertThat(service.requests("POST", "search.index")).isEmpty();
        }
    }

    @Test
    void partial_failure_resends_only_the_documents_that_failed_transiently() {
        try (var index = open()) {
            List<Chunk> chunks = chunks("doc", 5, "alpha");
            service.failDocument(ChunkFields.key("doc#3"), 503, 1);

            index.replaceDocument("doc", chunks);

            List<JsonNode> uploads = bodies("POST", "search.index");
            assertThat(uploads).hasSize(2);
            assertThat(uploads.get(1).get("value"))
                    .singleElement()
                    .satisfies(action -> assertThat(action.get("id").asText()).isEqualTo(ChunkFields.key("doc#3")));
            assertThat(sleeps).hasSize(1);
            assertThat(index.chunkCount()).isEqualTo(5);
        }
    }

    @Test
    void a_document_the_service_rejects_is_reported_and_the_old_version_is_not_deleted() {
        try (var index = open()) {
            index.replaceDocument("doc", chunks("doc", 3, "alpha"));
            service.failDocument(ChunkFields.key("doc#0"), 400, 1);

            assertThatThrownBy(() -> index.replaceDocument("doc", chunks("doc", 1, "bravo")))
                    .isInstanceOf(DocentException.InvalidInput.class)
                    .hasMessageContaining("chunk 'doc#0'")
                    .hasMessageContaining("HTTP 400");

            assertThat(index.chunkCount()).isEqualTo(3); // doc#1 and doc#2 were not deleted
            assertThat(index.listDocuments("handbook"))
                    .containsExactly(new IndexedDocument("doc", "handbook", "hash-doc", 3));
        }
    }

    @Test
    void throttled_request_is_retried_after_the_wait_the_service_asked_for() {
        try (var index = open()) {
            service.failNext("search.index", 429, Map.of("Retry-After", "7"));
            service.failNext("search.index", 503, Map.of("retry-after-ms", "1500"));

            index.replaceDocument("doc", chunks("doc", 2, "alpha"));

            assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(1_500));
            assertThat(index.chunkCount()).isEqualTo(2);
        }
    }

    @Test
    void unavailable_service_is_retried_with_growing_back_off_then_reported_as_retriable() {
        try (var index = open()) {
            for (int i = 0; i < Retrier.DEFAULT_MAX_ATTEMPTS; i++) {
                service.failNext("$count", 503, Map.of());
            }

            assertThatThrownBy(index::chunkCount)
                    .isInstanceOf(DocentException.Retriable.class)
                    .hasMessageContaining("HTTP 503")
                    .hasMessageContaining(indexName);
            assertThat(sleeps).hasSize(Retrier.DEFAULT_MAX_ATTEMPTS - 1);
            assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(400), Duration.ofMillis(600));
            assertThat(sleeps.get(3)).isBetween(Duration.ofMillis(3_200), Duration.ofMillis(4_800));
        }
    }

    @Test
    void throttling_longer_than_the_patience_becomes_rate_limited_at_once() {
        try (var index = open()) {
            service.failNext("search.post.search", 429, Map.of("Retry-After", "120"));

            assertThatThrownBy(() -> index.listDocuments("handbook"))
                    .isInstanceOfSatisfying(DocentException.RateLimited.class, e -> assertThat(e.retryAfterMillis())
                            .isEqualTo(120_000));
            assertThat(sleeps).isEmpty();
        }
    }

    @Test
    void replacing_with_fewer_chunks_writes_new_chunks_before_deleting_stale_ones() {
        try (var index = open()) {
            index.replaceDocument("doc", chunks("doc", 3, "alpha"));
            service.requests.clear();

            index.replaceDocument("doc", chunks("doc", 1, "bravo"));

            List<JsonNode> writes = bodies("POST", "search.index");
            assertThat(writes).hasSize(2);
            assertThat(writes.get(0).get("value").get(0).get("@search.action").asText())
                    .isEqualTo("upload");
            assertThat(writes.get(1).get("value"))
                    .extracting(a -> a.get("@search.action").asText() + " "
                            + ChunkFields.chunkId(a.get("id").asText()))
                    .containsExactlyInAnyOrder("delete doc#1", "delete doc#2");
        }
    }

    @Test
    void chunks_written_moments_ago_are_deleted_even_before_the_service_shows_them() {
        try (var index = open()) {
            index.replaceDocument("doc", chunks("doc", 3, "alpha"));
            // the service has not made the write searchable yet: only this process knows the keys
            service.index(indexName).docs.values().forEach(d -> d.put("doc_id", "not-yet-visible"));

            index.deleteDocument("doc");

            assertThat(service.index(indexName).docs).isEmpty();
        }
    }

    @Test
    void listing_pages_by_key_without_skip() {
        try (var index = builder(settings()).pageSize(4).open()) {
            IntStream.range(0, 5).forEach(i -> index.replaceDocument("doc-" + i, chunks("doc-" + i, 2, "word")));
            service.requests.clear();

            List<IndexedDocument> listed = index.listDocuments("handbook");

            assertThat(listed).hasSize(5).allSatisfy(d -> assertThat(d.chunkCount())
                    .isEqualTo(2));
            List<JsonNode> pages = bodies("POST", "search.post.search");
            assertThat(pages).hasSize(3);
            assertThat(pages).isNotEmpty().allSatisfy(p -> {
                assertThat(p.has("skip")).isFalse();
                assertThat(p.get("orderby").asText()).isEqualTo("id asc");
                assertThat(p.get("top").asInt()).isEqualTo(4);
            });
            assertThat(pages.get(0).get("filter").asText()).isEqualTo("source eq 'handbook'");
            assertThat(pages.get(1).get("filter").asText()).startsWith("source eq 'handbook' and id gt '");
        }
    }

    @Test
    void chunk_with_wrong_dimension_is_rejected_and_nothing_is_written() {
        try (var index = open()) {
            assertThatThrownBy(() -> index.replaceDocument(
                            "doc", List.of(chunk("doc").vector(1, 0, 0).build())))
                    .isInstanceOf(DocentException.InvalidInput.class)
                    .hasMessageContaining("3 dimensions");
            assertThat(service.requests("POST", "search.index")).isEmpty();
        }
    }

    private static List<Chunk> chunks(String documentId, int count, String text) {
        return IntStream.range(0, count)
                .mapToObj(i -> chunk(documentId)
                        .ordinal(i)
                        .text(text + " " + i)
                        .vector(1, i, 0, 0)
                        .build())
                .toList();
    }
}
