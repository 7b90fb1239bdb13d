package io.docent.core.lucene;

import static io.docent.core.TestChunk.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.docent.core.DocentException;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.SearchIndexContract;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTest extends SearchIndexContract {

    static final String MODEL = "test-model";

    @TempDir
    Path dir;

    @Override
    protected SearchIndex createIndex() {
        return LuceneSearchIndex.open(dir, MODEL, DIMENSION);
    }

    @Override
    protected SearchIndex reopenIndex() {
        return LuceneSearchIndex.open(dir, MODEL, DIMENSION);
    }

    @Test
    void hybrid_hits_report_both_ranks_and_the_cosine() {
        put(
                chunk("both").title("VPN setup").text("VPN setup steps").vector(0.6f, 0.8f, 0, 0),
                chunk("vector-only").text("remote access").vector(1, 0, 0, 0),
                chunk("no-vector").text("VPN setup without an embedding"));

        List<SearchHit> hits = hybrid("vpn setup", QUERY_VECTOR, 3);

        SearchHit both = hits.stream()
                .filter(h -> h.chunk().documentId().equals("both"))
                .findFirst()
                .orElseThrow();
        assertThat(both.textRank()).isEqualTo(1);
        assertThat(both.vectorRank()).isEqualTo(2);
        // the cosine, whatever the fusion: the relevance gate is fitted on it
        assertThat(both.similarity()).isCloseTo(0.6, offset(1e-5));
        // convex fusion: best of the keyword list (normalised 1), last of the two-hit vector list (normalised 0)
        double vectorShare =
                LuceneSearchIndexBuilder.DEFAULT_VECTOR_WEIGHT / (1 + LuceneSearchIndexBuilder.DEFAULT_VECTOR_WEIGHT);
        assertThat(both.score()).isCloseTo(1 - vectorShare, offset(1e-9));
        assertThat(hits)
                .filteredOn(h -> h.chunk().documentId().equals("no-vector"))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.vectorRank()).isZero();
                    assertThat(h.similarity()).isNaN();
                });
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.chunk().embedding())
                .isNull());
    }

    @Test
    void rrf_fusion_scores_by_ranks_and_keeps_the_cosine() {
        try (var index = LuceneSearchIndex.builder(dir.resolve("rrf"))
                .embeddingModel(MODEL, DIMENSION)
                .fusion(FusionMethod.RRF)
                .open()) {
            index.replaceDocument(
                    "both",
                    List.of(chunk("both")
                            .title("VPN setup")
                            .text("VPN setup steps")
                            .vector(0.6f, 0.8f, 0, 0)
                            .build()));
            index.replaceDocument(
                    "vector-only",
                    List.of(chunk("vector-only")
                            .text("remote access")
                            .vector(1, 0, 0, 0)
                            .build()));

            SearchHit both = index.search(new io.docent.core.SearchRequest(
                            "vpn setup", QUERY_VECTOR, SearchMode.HYBRID, 2, io.docent.core.Scope.ALL))
                    .getFirst();

            // weighted RRF: keyword rank 1, vector rank 2 counting double
            assertThat(both.chunk().documentId()).isEqualTo("both");
            assertThat(both.score())
                    .isCloseTo(
                            1.0 / 61 + LuceneSearchIndexBuilder.defaultVectorWeight(FusionMethod.RRF) / 62,
                            offset(1e-9));
            assertThat(both.similarity()).isCloseTo(0.6, offset(1e-5));
        }
    }

    @Test
    void text_hits_have_text_ranks_and_unknown_similarity() {
        put(chunk("a").text("pension scheme"), chunk("b").text("pension"));

        List<SearchHit> hits = text("pension scheme", 5);

        assertThat(hits).extracting(SearchHit::textRank).containsExactly(1, 2);
        assertThat(hits).extracting(SearchHit::vectorRank).containsExactly(0, 0);
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.similarity()).isNaN());
    }

    @Test
    void vector_hits_score_by_cosine() {
        put(
                chunk("a").vector(1, 0, 0, 0),
                chunk("b").vector(0.8f, 0.6f, 0, 0),
                chunk("c").vector(0, 1, 0, 0));

        List<SearchHit> hits = vector(QUERY_VECTOR, 3);

        double[] cosines = {1.0, 0.8, 0.0};
        assertThat(hits.stream().mapToDouble(SearchHit::score).toArray()).containsExactly(cosines, within());
        assertThat(hits.stream().mapToDouble(SearchHit::similarity).toArray()).containsExactly(cosines, within());
        assertThat(hits).extracting(SearchHit::vectorRank).containsExactly(1, 2, 3);
    }

    @Test
    void query_of_100000_characters_is_answered() {
        put(chunk("needle").text("The quarterly report is due in March.").vector(1, 0, 0, 0));
        StringBuilder query = new StringBuilder("quarterly report ");
        for (int i = 0; query.length() < 100_000; i++) {
            query.append("word").append(i).append(' ');
        }

        assertThat(documentIds(text(query.toString(), 5))).containsExactly("needle");
        assertThat(documentIds(hybrid(query.toString(), QUERY_VECTOR, 5))).containsExactly("needle");
    }

    @Test
    void commit_makes_writes_visible_to_other_readers_of_the_directory() throws Exception {
        index.replaceDocument("doc", chunks("doc", 2, "alpha"));
        assertThat(committedChunks()).isZero();

        index.commit();

        assertThat(committedChunks()).isEqualTo(2);
    }

    @Test
    void chunk_with_wrong_dimension_is_rejected_and_nothing_is_written() {
        var bad = chunk("doc").vector(1, 0, 0).build();

        assertThatThrownBy(() -> index.replaceDocument("doc", List.of(bad)))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("3 dimensions");
        assertThat(index.chunkCount()).isZero();
    }

    @Test
    void text_only_index_searches_by_keywords_and_refuses_vector_search() {
        index.close();
        index = LuceneSearchIndex.openTextOnly(dir.resolve("text-only"));
        put(chunk("doc").text("printer drivers").vector(1, 0, 0, 0));

        assertThat(documentIds(text("printer", 5))).containsExactly("doc");
        assertThatThrownBy(() -> index.search(new SearchRequest("printer", QUERY_VECTOR, SearchMode.HYBRID, 5, null)))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("text-only");
    }

    @Test
    void vectors_of_1536_dimensions_are_accepted() {
        index.close();
        index = LuceneSearchIndex.open(dir.resolve("wide"), "text-embedding-3-small", 1536);
        float[] wide = new float[1536];
        wide[7] = 1;
        index.replaceDocument("doc", List.of(chunk("doc").build().withEmbedding(wide)));
        index.close();
        index = LuceneSearchIndex.open(dir.resolve("wide"), "text-embedding-3-small", 1536);

        List<SearchHit> hits = index.search(new SearchRequest(null, wide, SearchMode.VECTOR, 1, null));

        assertThat(hits).singleElement().satisfies(h -> assertThat(h.similarity())
                .isCloseTo(1.0, within()));
    }

    private long committedChunks() throws Exception {
        try (var directory = FSDirectory.open(dir);
                var reader = DirectoryReader.open(directory)) {
            return reader.numDocs();
        }
    }

    private static Offset<Double> within() {
        return offset(1e-5);
    }
}
