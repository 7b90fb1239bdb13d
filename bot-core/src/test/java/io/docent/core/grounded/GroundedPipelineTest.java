package io.docent.core.grounded;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Answer;
import io.docent.core.Chunk;
import io.docent.core.Citation;
import io.docent.core.Embedder;
import io.docent.core.Question;
import io.docent.core.UserTexts;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.pipeline.AnswerPipeline;
import io.docent.core.pipeline.RelevanceGate;
import io.docent.core.pipeline.Retriever;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grounded generator in the answer pipeline, on a real Lucene index with a bag-of-words embedder. */
class GroundedPipelineTest {

    @TempDir
    Path dir;

    final ScriptedChatModel model = new ScriptedChatModel();
    final Embedder embedder = new BagOfWords();
    LuceneSearchIndex index;
    AnswerPipeline pipeline;

    @BeforeEach
    void indexHandbook() {
        index = LuceneSearchIndex.open(dir, embedder.modelName(), embedder.dimension());
        add("vpn", "VPN Access", "To get VPN access open a request in the IT portal and install the client");
        add("leave", "Annual Leave", "Employees get twenty five days of paid annual leave per year");
        pipeline = AnswerPipeline.builder(new Retriever(index, embedder), new GroundedAnswerGenerator(model))
                .gate(new RelevanceGate(0.3, 3))
                .build();
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void nothing_relevant_means_no_model_call() {
        Answer answer = pipeline.answer(Question.fromAdministrator("weather forecast on mars tomorrow"));

        assertThat(answer.status()).isEqualTo(Answer.Status.NOT_FOUND);
        assertThat(model.calls).isEmpty();
    }

    @Test
    void citations_to_nothing_are_removed_and_the_rest_renumbered() {
        model.answers("Open a request in the IT portal [2][1] [7].");

        Answer answer =
                pipeline.answer(Question.fromAdministrator("vpn access request in the portal, and annual leave days"));

        assertThat(answer.status()).isEqualTo(Answer.Status.ANSWERED);
        List<String> offered = offeredTitles();
        assertThat(offered).containsExactlyInAnyOrder("VPN Access", "Annual Leave");
        String first = offered.get(1);
        assertThat(answer.citations()).extracting(Citation::number).containsExactly(1, 2);
        assertThat(answer.citations().getFirst().title()).isEqualTo(first);
        assertThat(answer.text()).isEqualTo("Open a request in the IT portal [1][2].");
    }

    @Test
    void a_deceptive_link_and_an_image_from_a_source_reach_no_surface_as_such() {
        model.answers(
                "Request it at [https://it.example/vpn](https://evil.example/steal) [1]. ![x](https://t.example/p.png)");

        Answer answer = pipeline.answer(Question.fromAdministrator("vpn access request in the portal"));

        assertThat(answer.text())
                .isEqualTo("Request it at [https://evil.example/steal](https://evil.example/steal) [1]."
                        + " [image: x](https://t.example/p.png)");
    }

    @Test
    void the_model_saying_not_in_sources_ends_as_not_found_with_the_closest_sources() {
        model.answers("NOT_IN_SOURCES");

        Answer answer = pipeline.answer(Question.fromAdministrator("how many days of annual leave for contractors"));

        assertThat(answer.status()).isEqualTo(Answer.Status.NOT_FOUND);
        assertThat(answer.text()).startsWith(UserTexts.NOT_FOUND);
        assertThat(answer.citations()).isNotEmpty();
    }

    private List<String> offeredTitles() {
        List<String> titles = new ArrayList<>();
        String prompt = model.calls.getFirst().last();
        for (int i = prompt.indexOf("title=\""); i >= 0; i = prompt.indexOf("title=\"", i + 1)) {
            titles.add(prompt.substring(i + 7, prompt.indexOf('"', i + 7)));
        }
        return titles;
    }

    private void add(String id, String title, String text) {
        var chunk = new Chunk(
                id + "#0",
                id,
                "handbook",
                "",
                title,
                "https://wiki.example/" + id,
                "",
                text,
                0,
                "h-" + id,
                null,
                Set.of(),
                null);
        index.replaceDocument(id, List.of(chunk.withEmbedding(embedder.embedQuery(chunk.textForEmbedding()))));
    }

    /** Words hashed into 64 dimensions: texts sharing words are similar, texts sharing none are orthogonal-ish. */
    static final class BagOfWords implements Embedder {
        @Override
        public String modelName() {
            return "bag-of-words-64";
        }

        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            return texts.stream().map(this::embedQuery).toList();
        }

        @Override
        public float[] embedQuery(String text) {
            float[] v = new float[64];
            for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (word.length() > 2) {
                    v[Math.floorMod(word.hashCode(), 64)] += 1;
                }
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = norm == 0 ? 0 : (float) (v[i] / Math.sqrt(norm));
            }
            return v;
        }
    }
}
