package io.docent.core.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    private static ScoreDoc[] docs(int... ids) {
        ScoreDoc[] out = new ScoreDoc[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = new ScoreDoc(ids[i], 1f);
        }
        return out;
    }

    @Test
    void equal_weights_let_a_document_in_both_lists_win() {
        var fused = new ReciprocalRankFusion(60, 1.0).fuse(docs(1, 2), docs(3, 1), 3);

        assertThat(fused).extracting(RankedDoc::doc).containsExactly(1, 3, 2);
    }

    @Test
    void vector_weight_favours_the_vector_list_between_single_list_documents() {
        // doc 2 is keyword rank 1 only; doc 3 is vector rank 1 only
        var plain = new ReciprocalRankFusion(60, 1.0).fuse(docs(2), docs(3), 2);
        var weighted = new ReciprocalRankFusion(60, 2.0).fuse(docs(2), docs(3), 2);

        assertThat(plain.getFirst().score()).isEqualTo(plain.get(1).score());
        assertThat(weighted).extracting(RankedDoc::doc).containsExactly(3, 2);
        assertThat(weighted.getFirst().score()).isEqualTo(2.0 / 61);
    }

    @Test
    void refuses_nonsense_settings() {
        assertThatThrownBy(() -> new ReciprocalRankFusion(0, 1)).hasMessageContaining("rrfK");
        assertThatThrownBy(() -> new ReciprocalRankFusion(60, 0)).hasMessageContaining("vectorWeight");
    }
}
