package io.docent.core.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.docent.core.DocentException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real bundled model (about a second to load, a few milliseconds a text). */
class OnnxEmbedderTest {

    private static OnnxEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new OnnxEmbedder();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void ranks_a_paraphrase_above_an_unrelated_sentence() {
        float[] query = embedder.embedQuery("How do I reset my password?");
        List<float[]> passages = embedder.embedPassages(
                List.of("The cafeteria serves lunch at noon.", "Steps to change a forgotten login password"));

        assertThat(dot(query, passages.get(1))).isGreaterThan(dot(query, passages.get(0)) + 0.1);
    }

    @Test
    void returns_normalised_vectors_of_the_model_dimension() {
        List<float[]> vectors = new ArrayList<>(embedder.embedPassages(List.of("VPN access", "x".repeat(3000))));
        vectors.add(embedder.embedQuery("vpn"));

        assertThat(embedder.dimension()).isEqualTo(384);
        for (float[] v : vectors) {
            assertThat(v).hasSize(384);
            assertThat(dot(v, v)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void embeds_a_query_differently_from_the_same_text_as_a_passage() {
        String text = "How do I get VPN access?";

        float[] asQuery = embedder.embedQuery(text);
        float[] asPassage = embedder.embedPassages(List.of(text)).getFirst();

        assertThat(dot(asQuery, asPassage)).isLessThan(0.99);
        assertThat(asQuery)
                .isEqualTo(embedder.embedPassages(List.of(OnnxEmbedder.QUERY_INSTRUCTION + text))
                        .getFirst());
    }

    @Test
    void embeds_a_batch_exactly_as_one_text_at_a_time() {
        List<String> texts = List.of("VPN access needs approval.", "Laptops are refreshed every 3 years.", "Lunch");

        List<float[]> batch = embedder.embedPassages(texts);

        for (int i = 0; i < texts.size(); i++) {
            float[] single = embedder.embedPassages(List.of(texts.get(i))).getFirst();
            assertThat(batch.get(i)).containsExactly(single, within(1e-5f));
        }
    }

    @Test
    void returns_an_empty_list_for_no_texts() {
        assertThat(embedder.embedPassages(List.of())).isEmpty();
    }

    @Test
    void lets_the_end_of_a_text_longer_than_the_window_count() {
        String head = "Northwind employees book annual leave in Workday under Absence. ".repeat(60);
        String tail = "The cafeteria serves vegan lunch at noon on Fridays. ".repeat(20);

        List<float[]> v = embedder.embedPassages(List.of(head, head + tail));
        float[] lunch = embedder.embedQuery("When is vegan lunch served?");

        assertThat(dot(lunch, v.get(1))).isGreaterThan(dot(lunch, v.get(0)) + 0.02);
    }

    @Test
    void names_a_blank_passage_by_its_position() {
        assertThatThrownBy(() -> embedder.embedPassages(List.of("fine", " ")))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("passage 1");
    }

    @Test
    void identifies_the_model_with_a_stable_name() {
        assertThat(embedder.modelName()).isEqualTo("bge-small-en-v1.5-q");
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
