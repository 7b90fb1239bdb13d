package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.docent.core.pipeline.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedder against a fake Azure OpenAI resource over https. */
class AzureOpenAiEmbedderTest {

    final FakeOpenAiServer server = new FakeOpenAiServer(true);
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void passages_are_batched_within_the_input_limit_and_keep_their_order() {
        var embedder = embedder(null, 3);
        List<String> texts = IntStream.range(0, 7).mapToObj(i -> "passage " + i).toList();

        List<float[]> vectors = embedder.embedPassages(texts);

        assertThat(server.requests)
                .extracting(r -> r.body().get("input").size())
                .containsExactly(3, 3, 1);
        assertThat(server.requests.getFirst().path()).isEqualTo("/openai/deployments/embeddings-3/embeddings");
        assertThat(vectors).hasSize(7);
        assertThat(vectors.get(5)).containsExactly(embedder.embedQuery("passage 5"), offset(1e-6f));
    }

    @Test
    void vectors_are_normalised() {
        float[] vector = embedder(null, 16).embedQuery("anything");

        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, offset(1e-5));
    }

    @Test
    void configured_dimensions_are_asked_for_and_named_in_the_model() {
        var embedder = embedder(256, 16);

        float[] vector = embedder.embedQuery("vpn");

        assertThat(server.requests.getFirst().body().get("dimensions").asInt()).isEqualTo(256);
        assertThat(vector).hasSize(256);
        assertThat(embedder.dimension()).isEqualTo(256);
        assertThat(embedder.modelName()).isEqualTo("azure-openai:embeddings-3@256");
    }

    @Test
    void dimension_is_learnt_from_one_call_when_not_configured() {
        var embedder = embedder(null, 16);

        assertThat(embedder.dimension()).isEqualTo(8);
        assertThat(embedder.dimension()).isEqualTo(8);
        assertThat(server.requests).hasSize(1);
        assertThat(server.requests.getFirst().body().has("dimensions")).isFalse();
    }

    @Test
    void over_long_passages_are_cut_to_what_the_model_accepts_and_batches_stay_under_the_token_budget() {
        String huge = "word ".repeat(9_000); // 9,000 tokens: over the 8,191 a model accepts
        var embedder = embedder(null, 256);

        embedder.embedPassages(IntStream.range(0, 14).mapToObj(i -> i + huge).toList());

        assertThat(server.requests).isNotEmpty().allSatisfy(r -> {
            int tokens = 0;
            for (var input : r.body().get("input")) {
                assertThat(Tokens.count(input.asText())).isLessThanOrEqualTo(AzureOpenAiEmbedder.MAX_INPUT_TOKENS);
                tokens += Tokens.count(input.asText());
            }
            assertThat(tokens).isLessThanOrEqualTo(AzureOpenAiEmbedder.MAX_BATCH_TOKENS);
        });
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void throttling_is_retried_after_the_wait_the_service_asked_for() {
        server.enqueue(FakeOpenAiServer.throttled(3));

        embedder(null, 16).embedPassages(List.of("a", "b"));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(server.requests).hasSize(2);
    }

    private AzureOpenAiEmbedder embedder(Integer dimensions, int maxInputs) {
        var settings = new OpenAiSettings(
                true,
                server.url(),
                FakeOpenAiServer.AZURE_KEY,
                null,
                "embeddings-3",
                dimensions,
                Duration.ofSeconds(10));
        return new AzureOpenAiEmbedder(
                OpenAiClients.build(settings, TestTls.get().httpClient(), null),
                settings,
                Retrier.withDefaults(sleeps::add),
                maxInputs);
    }
}
