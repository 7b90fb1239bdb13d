package io.docent.core.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class ConvexFusionTest {

    /** {@code docs(id, score, id, score, ...)}, best first. */
    private static ScoreDoc[] docs(double... idsAndScores) {
        ScoreDoc[] out = new ScoreDoc[idsAndScores.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new ScoreDoc((int) idsAndScores[2 * i], (float) idsAndScores[2 * i + 1]);
        }
        return out;
    }

    @Test
    void each_list_is_min_max_normalised_over_its_candidates() {
        assertThat(ConvexFusion.normalised(docs(1, 12.0, 2, 7.0, 3, 2.0))).containsExactly(1.0, 0.5, 0.0);
        // the vector list's Lucene scores, (1 + cosine) / 2, normalise as the cosines would
        assertThat(ConvexFusion.normalised(docs(1, 0.95, 2, 0.9, 3, 0.85)))
                .containsExactly(new double[] {1.0, 0.5, 0.0}, offset(1e-6));
    }

    @Test
    void fused_score_is_the_weighted_sum_with_a_share_of_w_over_one_plus_w() {
        // vector weight 3: keyword share 0.25, vector share 0.75
        var fused = new ConvexFusion(3).fuse(docs(1, 10, 2, 6, 3, 2), docs(2, 0.9, 3, 0.8, 1, 0.7), 3);

        assertThat(fused).extracting(RankedDoc::doc).containsExactly(2, 3, 1);
        assertThat(fused.get(0).score()).isCloseTo(0.25 * 0.5 + 0.75 * 1.0, offset(1e-6));
        assertThat(fused.get(1).score()).isCloseTo(0.25 * 0.0 + 0.75 * 0.5, offset(1e-6));
        assertThat(fused.get(2).score()).isCloseTo(0.25 * 1.0 + 0.75 * 0.0, offset(1e-6));
        assertThat(fused.get(0).textRank()).isEqualTo(2);
        assertThat(fused.get(0).vectorRank()).isEqualTo(1);
    }

    @Test
    void a_confident_keyword_match_outvotes_a_vector_list_that_barely_disagrees_where_ranks_see_a_tie() {
        // keyword list: doc 7 towers over doc 8; vector list: doc 8 barely leads doc 7
        ScoreDoc[] text = docs(7, 20, 8, 2.5, 9, 2);
        ScoreDoc[] vector = docs(8, 0.900, 7, 0.899, 9, 0.80);

        var convex = new ConvexFusion(1).fuse(text, vector, 3);
        var rrf = new ReciprocalRankFusion(60, 1).fuse(text, vector, 3);

        assertThat(convex).extracting(RankedDoc::doc).startsWith(7, 8);
        assertThat(convex.get(0).score() - convex.get(1).score()).isGreaterThan(0.4);
        assertThat(rrf.get(0).score()).isEqualTo(rrf.get(1).score()); // ranks 1 + 2 against 2 + 1
    }

    @Test
    void a_hit_in_one_list_only_gets_that_lists_share_alone() {
        var fused = new ConvexFusion(3).fuse(docs(1, 10, 2, 5), docs(3, 0.9, 2, 0.6), 3);

        RankedDoc keywordOnly =
                fused.stream().filter(d -> d.doc() == 1).findFirst().orElseThrow();
        RankedDoc vectorOnly =
                fused.stream().filter(d -> d.doc() == 3).findFirst().orElseThrow();
        assertThat(keywordOnly.score()).isCloseTo(0.25, offset(1e-9));
        assertThat(keywordOnly.vectorRank()).isZero();
        assertThat(vectorOnly.score()).isCloseTo(0.75, offset(1e-9));
        assertThat(vectorOnly.textRank()).isZero();
    }

    @Test
    void with_one_list_empty_the_other_lists_order_is_kept() {
        var onlyVectors = new ConvexFusion(3).fuse(new ScoreDoc[0], docs(4, 0.9, 5, 0.8, 6, 0.7), 2);
        var onlyKeywords = new ConvexFusion(3).fuse(docs(4, 9, 5, 8, 6, 7), new ScoreDoc[0], 5);

        assertThat(onlyVectors).extracting(RankedDoc::doc).containsExactly(4, 5);
        assertThat(onlyKeywords).extracting(RankedDoc::doc).containsExactly(4, 5, 6);
        assertThat(new ConvexFusion(3).fuse(new ScoreDoc[0], new ScoreDoc[0], 5))
                .isEmpty();
    }

    @Test
    void a_list_without_spread_counts_fully_for_each_of_its_documents() {
        // a single keyword hit is not normalised away to 0
        assertThat(ConvexFusion.normalised(docs(1, 4.2))).containsExactly(1.0);
        assertThat(ConvexFusion.normalised(docs(1, 3, 2, 3))).containsExactly(1.0, 1.0);
    }

    @Test
    void ties_are_broken_by_the_best_rank_then_the_doc_id() {
        // docs 1 and 2 each top one list with equal shares (weight 1): same score, both best rank 1 -> doc id
        var fused = new ConvexFusion(1).fuse(docs(2, 5, 3, 1), docs(1, 0.9, 3, 0.1), 3);

        assertThat(fused).extracting(RankedDoc::doc).containsExactly(1, 2, 3);
        assertThat(fused.get(0).score()).isEqualTo(fused.get(1).score());
    }

    @Test
    void refuses_nonsense_weights() {
        assertThatThrownBy(() -> new ConvexFusion(0)).hasMessageContaining("vectorWeight");
        assertThatThrownBy(() -> new ConvexFusion(Double.NaN)).hasMessageContaining("vectorWeight");
        assertThatThrownBy(() -> new ConvexFusion(Double.POSITIVE_INFINITY)).hasMessageContaining("vectorWeight");
    }
}
