package io.docent.core.grounded;

import io.docent.core.Answer;
import io.docent.core.Question;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.pipeline.AnswerPipeline;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The answer pipeline's own overhead, model and network time excluded: {@link AnswerPipeline#answer} over a real
 * {@link LuceneSearchIndex} of a few hundred chunks, with the {@link GroundedAnswerGenerator} over a chat model
 * stand-in that answers at once (a fixed text citing [1]) and an embedder stand-in that returns a fixed unit vector
 * at once. One thread, questions one after another, after a warm-up. Not a test: run it by hand.
 *
 * <p>System properties: {@code bench.documents} (100, three chunks each), {@code bench.questions} (2000), {@code
 * bench.warmup} (2000).
 */
public final class PipelineOverheadBenchmark {

    private static final int DOCUMENTS = Integer.getInteger("bench.documents", 100);
    private static final int QUESTIONS = Integer.getInteger("bench.questions", 2_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 2_000);

    public static void main(String[] args) {
        var embedder = new BenchmarkCorpus.FixedEmbedder();
        try (LuceneSearchIndex index = BenchmarkCorpus.index(BenchmarkCorpus.tempDir(), embedder, DOCUMENTS)) {
            AnswerPipeline pipeline = BenchmarkCorpus.pipeline(index, embedder, new BenchmarkCorpus.InstantChatModel());
            for (String q : BenchmarkCorpus.questions(WARMUP, 1)) {
                BenchmarkCorpus.requireAnswered(pipeline.answer(Question.fromAdministrator(q)));
            }
            List<String> questions = BenchmarkCorpus.questions(QUESTIONS, 2);
            long[] nanos = new long[questions.size()];
            long total = System.nanoTime();
            for (int i = 0; i < questions.size(); i++) {
                long start = System.nanoTime();
                Answer answer = pipeline.answer(Question.fromAdministrator(questions.get(i)));
                nanos[i] = System.nanoTime() - start;
                BenchmarkCorpus.requireAnswered(answer);
            }
            double seconds = (System.nanoTime() - total) / 1e9;
            Arrays.sort(nanos);
            System.out.printf(
                    Locale.ROOT,
                    "pipeline overhead: %,d chunks, %,d questions after %,d warm-up: p50 %.2f ms, p90 %.2f ms,"
                            + " p99 %.2f ms, max %.2f ms (%.1f s, %.0f questions/s on one thread)%n",
                    index.chunkCount(),
                    questions.size(),
                    WARMUP,
                    BenchmarkCorpus.percentile(nanos, 50),
                    BenchmarkCorpus.percentile(nanos, 90),
                    BenchmarkCorpus.percentile(nanos, 99),
                    nanos[nanos.length - 1] / 1e6,
                    seconds,
                    questions.size() / seconds);
        }
    }
}
