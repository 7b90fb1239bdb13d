package io.docent.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.core.Embedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingEmbedderTest {

    /** Counts calls; a query's vector is made from its length, so different queries get different vectors. */
    private static final class CountingEmbedder implements Embedder {
        final List<String> queries = new ArrayList<>();
        final List<List<String>> passageCalls = new ArrayList<>();
        RuntimeException failure;

        @Override
        public String modelName() {
            return "counting";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            passageCalls.add(texts);
            return texts.stream().map(t -> new float[] {1, 0}).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            queries.add(query);
            if (failure != null) {
                throw failure;
            }
            return new float[] {query.length(), 1};
        }
    }

    private final CountingEmbedder delegate = new CountingEmbedder();

    @Test
    void embeds_a_repeated_query_once() {
        var embedder = new CachingEmbedder(delegate);

        float[] first = embedder.embedQuery("how do I reset my password?");
        float[] second = embedder.embedQuery("how do I reset my password?");

        assertThat(delegate.queries).containsExactly("how do I reset my password?");
        assertThat(second).containsExactly(first);
    }

    @Test
    void embeds_different_queries_separately() {
        var embedder = new CachingEmbedder(delegate);

        float[] a = embedder.embedQuery("vpn");
        float[] b = embedder.embedQuery("vpn access");

        assertThat(delegate.queries).containsExactly("vpn", "vpn access");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void passes_passages_through_every_time() {
        var embedder = new CachingEmbedder(delegate);

        embedder.embedPassages(List.of("a", "b"));
        List<float[]> again = embedder.embedPassages(List.of("a", "b"));

        assertThat(delegate.passageCalls).hasSize(2);
        assertThat(again).hasSize(2);
        assertThat(embedder.cachedQueries()).isZero();
    }

    @Test
    void keeps_at_most_the_configured_number_of_queries() {
        var embedder = new CachingEmbedder(delegate, 10);

        for (int i = 0; i < 100; i++) {
            embedder.embedQuery("question " + i);
        }

        assertThat(embedder.cachedQueries()).isLessThanOrEqualTo(10);
    }

    @Test
    void a_caller_changing_its_vector_does_not_change_the_cached_one() {
        var embedder = new CachingEmbedder(delegate);

        embedder.embedQuery("vpn")[0] = 99;

        assertThat(embedder.embedQuery("vpn")).containsExactly(3, 1);
    }

    @Test
    void caches_nothing_when_the_delegate_fails() {
        var embedder = new CachingEmbedder(delegate);
        delegate.failure = new DocentException.TimedOut("model busy", null);

        assertThatThrownBy(() -> embedder.embedQuery("vpn")).isSameAs(delegate.failure);
        delegate.failure = null;
        embedder.embedQuery("vpn");

        assertThat(delegate.queries).containsExactly("vpn", "vpn");
    }

    @Test
    void reports_the_delegates_model_and_dimension() {
        var embedder = new CachingEmbedder(delegate);

        assertThat(embedder.modelName()).isEqualTo("counting");
        assertThat(embedder.dimension()).isEqualTo(2);
    }

    @Test
    void refuses_a_size_below_one() {
        assertThatThrownBy(() -> new CachingEmbedder(delegate, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximumSize");
    }
}
