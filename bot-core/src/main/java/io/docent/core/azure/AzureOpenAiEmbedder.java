package io.docent.core.azure;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.models.EmbeddingItem;
import com.azure.ai.openai.models.Embeddings;
import com.azure.ai.openai.models.EmbeddingsOptions;
import com.azure.core.http.HttpClient;
import io.docent.core.DocentException;
import io.docent.core.Embedder;
import io.docent.core.Sleeper;
import io.docent.core.pipeline.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An {@link Embedder} on Azure OpenAI or an OpenAI-compatible server.
 *
 * <p>Passages go in batches within the service's request limits: at most {@value #MAX_INPUTS} inputs and about
 * {@value #MAX_BATCH_TOKENS} tokens per request, each input cut to the models' {@value #MAX_INPUT_TOKENS} tokens
 * (an over-long chunk is embedded by its beginning rather than failing the batch). For text-embedding-3 models the
 * configured dimensions are asked for ({@code dimensions}); otherwise the model's own length is learnt from its
 * first answer. Vectors are L2-normalised here, whatever the server returns.
 *
 * <p>{@link #modelName()} names the server kind, the deployment or model and the dimensions, so an index built with
 * one configuration refuses another.
 */
public final class AzureOpenAiEmbedder implements Embedder {

    static final int MAX_INPUTS = 256;
    static final int MAX_BATCH_TOKENS = 100_000;
    static final int MAX_INPUT_TOKENS = 8_191;

    private final OpenAIClient client;
    private final OpenAiSettings settings;
    private final Retrier retrier;
    private final int maxInputs;
    private volatile int dimension;

    AzureOpenAiEmbedder(OpenAIClient client, OpenAiSettings settings, Retrier retrier, int maxInputs) {
        requireEmbeddingModel(settings);
        this.client = client;
        this.settings = settings;
        this.retrier = retrier;
        this.maxInputs = maxInputs;
        this.dimension = settings.embeddingDimensions() == null ? 0 : settings.embeddingDimensions();
    }

    /** The embedding model of {@code settings}, over the default HTTP client. */
    public static AzureOpenAiEmbedder create(OpenAiSettings settings) {
        return create(settings, null);
    }

    /** As {@link #create(OpenAiSettings)}, over {@code httpClient}, or the default if null. */
    public static AzureOpenAiEmbedder create(OpenAiSettings settings, HttpClient httpClient) {
        requireEmbeddingModel(settings);
        return new AzureOpenAiEmbedder(
                OpenAiClients.build(settings, httpClient, null),
                settings,
                Retrier.withDefaults(Sleeper.SYSTEM),
                MAX_INPUTS);
    }

    private static void requireEmbeddingModel(OpenAiSettings settings) {
        if (settings.embeddingModel() == null) {
            throw Config.invalid(settings.embeddingSetting() + " is not set: it names the embedding model");
        }
    }

    @Override
    public String modelName() {
        return (settings.azure() ? "azure-openai:" : "openai:")
                + settings.embeddingModel()
                + (settings.embeddingDimensions() == null ? "" : "@" + settings.embeddingDimensions());
    }

    /** The vector length: the configured dimensions, or learnt from one call to the model (then remembered). */
    @Override
    public int dimension() {
        if (dimension == 0) {
            embedQuery("dimension probe");
        }
        return dimension;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<String> batch = new ArrayList<>();
        int batchTokens = 0;
        for (String text : texts) {
            String input = text.isBlank() ? " " : Tokens.truncate(text, MAX_INPUT_TOKENS);
            int tokens = Tokens.count(input);
            if (!batch.isEmpty() && (batch.size() == maxInputs || batchTokens + tokens > MAX_BATCH_TOKENS)) {
                vectors.addAll(embed(batch));
                batch = new ArrayList<>();
                batchTokens = 0;
            }
            batch.add(input);
            batchTokens += tokens;
        }
        if (!batch.isEmpty()) {
            vectors.addAll(embed(batch));
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(List.of(query.isBlank() ? " " : Tokens.truncate(query, MAX_INPUT_TOKENS)))
                .getFirst();
    }

    private List<float[]> embed(List<String> inputs) {
        EmbeddingsOptions options = new EmbeddingsOptions(inputs).setDimensions(settings.embeddingDimensions());
        Embeddings answer;
        try {
            answer = retrier.call(() -> client.getEmbeddings(settings.embeddingModel(), options));
        } catch (RuntimeException e) {
            throw failure(e);
        }
        List<EmbeddingItem> items = new ArrayList<>(answer.getData());
        if (items.size() != inputs.size()) {
            throw new DocentException("The embedding model '" + settings.embeddingModel() + "' returned " + items.size()
                    + " vectors for " + inputs.size() + " texts (" + settings.describe() + ")");
        }
        items.sort(Comparator.comparingInt(EmbeddingItem::getPromptIndex));
        List<float[]> vectors = new ArrayList<>(items.size());
        for (EmbeddingItem item : items) {
            vectors.add(normalised(item.getEmbedding()));
        }
        return vectors;
    }

    private float[] normalised(List<Float> values) {
        int expected = dimension;
        if (expected == 0) {
            dimension = values.size();
        } else if (values.size() != expected) {
            throw new DocentException("The embedding model '" + settings.embeddingModel() + "' returned a vector of "
                    + values.size() + " dimensions, expected " + expected + ". Check " + settings.embeddingSetting()
                    + " and the dimensions setting.");
        }
        double norm = 0;
        for (float v : values) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = norm == 0 ? 0 : (float) (values.get(i) / norm);
        }
        return vector;
    }

    private DocentException failure(RuntimeException e) {
        if (AzureFailures.status(e) == 404) {
            return new DocentException(
                    "The embedding model '" + settings.embeddingModel() + "' was not found at " + settings.describe()
                            + ". Check " + settings.embeddingSetting() + ".",
                    e);
        }
        return AzureFailures.translate(
                settings.describe(),
                "embed text with '" + settings.embeddingModel() + "'",
                settings.credentialHint(),
                e);
    }

    @Override
    public String toString() {
        return "AzureOpenAiEmbedder[" + modelName() + " on " + settings.describe() + "]";
    }
}
