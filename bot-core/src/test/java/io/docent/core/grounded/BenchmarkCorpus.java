package io.docent.core.grounded;

import io.docent.core.Answer;
import io.docent.core.ChatModel;
import io.docent.core.Chunk;
import io.docent.core.Embedder;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.pipeline.AnswerPipeline;
import io.docent.core.pipeline.Retriever;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * What the grounded benchmarks share: a real Lucene index of a few hundred handbook-like chunks, an embedder stand-in
 * that returns one fixed unit vector at once (every chunk is indexed with it, so every hit has similarity 1 and
 * passes the default relevance gate of 0.62), questions made from the corpus' words, and percentiles.
 */
final class BenchmarkCorpus {

    static final int DIMENSION = 384;
    static final String ANSWER = "Open a request in the IT portal and install the client [1].";

    private static final String[] WORDS = ("vpn access request portal install client leave annual days paid"
                    + " employees contractors laptop password reset badge office travel expense report approval"
                    + " manager payroll holiday benefits insurance pension onboarding training security policy"
                    + " printer wifi network email calendar meeting room booking parking remote work equipment"
                    + " software license invoice purchase order budget team wiki handbook deadline review")
            .split(" ");

    private BenchmarkCorpus() {}

    /** Returns the fixed vector for every text, instantly: model time is excluded from the figures. */
    static final class FixedEmbedder implements Embedder {
        private final float[] vector = new float[DIMENSION];

        FixedEmbedder() {
            Arrays.fill(vector, (float) (1 / Math.sqrt(DIMENSION)));
        }

        @Override
        public String modelName() {
            return "fixed-" + DIMENSION;
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            return texts.stream().map(t -> vector.clone()).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            return vector.clone();
        }
    }

    /** Answers instantly with {@link #ANSWER}, streamed as one token. */
    static final class InstantChatModel implements ChatModel {
        @Override
        public Completion complete(
                List<io.docent.core.ChatMessage> messages, int maxTokens, java.util.function.Consumer<String> onToken) {
            onToken.accept(ANSWER);
            return new Completion(ANSWER, false, 100, 12);
        }
    }

    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("docent-bench");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code documents} documents of three chunks of about 80 words each. */
    static LuceneSearchIndex index(Path dir, Embedder embedder, int documents) {
        LuceneSearchIndex index = LuceneSearchIndex.open(dir, embedder.modelName(), embedder.dimension());
        Random random = new Random(42);
        for (int d = 0; d < documents; d++) {
            String id = "doc-" + d;
            String title = words(random, 3);
            List<Chunk> chunks = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                String text = words(random, 80);
                chunks.add(new Chunk(
                                id + "#" + c,
                                id,
                                "handbook",
                                "",
                                title,
                                "https://wiki.example/" + id,
                                title,
                                text,
                                c,
                                "h-" + id + "-" + c,
                                null,
                                Set.of(),
                                null)
                        .withEmbedding(embedder.embedQuery(text)));
            }
            index.replaceDocument(id, chunks);
        }
        index.commit();
        return index;
    }

    static List<String> questions(int count, long seed) {
        Random random = new Random(seed);
        List<String> questions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            questions.add("How do I " + words(random, 3 + random.nextInt(5)) + "?");
        }
        return questions;
    }

    static AnswerPipeline pipeline(LuceneSearchIndex index, Embedder embedder, ChatModel model) {
        return AnswerPipeline.builder(
                        new Retriever(index, embedder), new GroundedAnswerGenerator(model, PromptBudget.defaults()))
                .build();
    }

    static void requireAnswered(Answer answer) {
        if (answer.status() != Answer.Status.ANSWERED) {
            throw new IllegalStateException("not answered: " + answer.status() + " " + answer.text());
        }
    }

    /** The {@code p}-th percentile (nearest rank) of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static String words(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
