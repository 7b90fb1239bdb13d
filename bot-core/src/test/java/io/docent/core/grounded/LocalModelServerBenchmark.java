package io.docent.core.grounded;

import io.docent.core.Answer;
import io.docent.core.Question;
import io.docent.core.azure.BenchmarkOpenAiServer;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.pipeline.AnswerPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Questions per second sustained against a local OpenAI-protocol server that answers at once ({@link
 * BenchmarkOpenAiServer}, the Azure OpenAI tests' fake server on 127.0.0.1): the real {@code AzureOpenAiChatModel}
 * built from {@code OpenAiSettings} in OpenAI-compatible mode (plain http, {@code /v1/chat/completions}, streamed),
 * in the {@link GroundedAnswerGenerator}, in the answer pipeline over a real Lucene index of a few hundred chunks and
 * an embedder stand-in (a fixed unit vector, at once). N threads ask questions back to back for a fixed time; the
 * server, the client and the pipeline share the machine. Not a test: run it by hand.
 *
 * <p>Arguments: thread counts (default 4 8 16). System properties: {@code bench.seconds} (20 per thread count),
 * {@code bench.warmup.seconds} (10, once), {@code bench.documents} (100), {@code bench.azure} (false: true speaks
 * Azure OpenAI's dialect over https with the test certificate instead), {@code sun.net.httpserver.nodelay} (set to
 * true here unless given).
 */
public final class LocalModelServerBenchmark {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 10);
    private static final int DOCUMENTS = Integer.getInteger("bench.documents", 100);
    private static final boolean AZURE = Boolean.getBoolean("bench.azure");

    public static void main(String[] args) throws InterruptedException {
        // without it the JDK's HTTP server leaves Nagle on: each small streamed event then waits for the client's
        // delayed ACK, and every answer takes ~44 ms whatever the load (the first trial measured that, not Docent)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        List<Integer> threads = new ArrayList<>();
        for (String arg : args) {
            threads.add(Integer.parseInt(arg));
        }
        if (threads.isEmpty()) {
            threads = List.of(4, 8, 16);
        }
        var embedder = new BenchmarkCorpus.FixedEmbedder();
        List<String> tokens = List.of("Open a request", " in the IT portal", " and install the client", " [1].");
        try (var server = new BenchmarkOpenAiServer(AZURE, tokens);
                LuceneSearchIndex index = BenchmarkCorpus.index(BenchmarkCorpus.tempDir(), embedder, DOCUMENTS)) {
            AnswerPipeline pipeline = BenchmarkCorpus.pipeline(index, embedder, server.chatModel());
            List<String> questions = BenchmarkCorpus.questions(5_000, 3);
            System.out.printf(
                    Locale.ROOT,
                    "%s server at %s, %,d chunks, %d processors%n",
                    AZURE ? "Azure OpenAI (https)" : "OpenAI-compatible (http)",
                    server.url(),
                    index.chunkCount(),
                    Runtime.getRuntime().availableProcessors());
            run(pipeline, questions, threads.getFirst(), WARMUP_SECONDS, "warm-up");
            for (int n : threads) {
                run(pipeline, questions, n, SECONDS, null);
            }
        }
    }

    private static void run(AnswerPipeline pipeline, List<String> questions, int threads, int seconds, String label)
            throws InterruptedException {
        var latencies = new ConcurrentLinkedQueue<long[]>();
        var failures = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        long begin = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 997;
            workers.add(Thread.ofPlatform().name("asker-" + t).start(() -> {
                long[] mine = new long[1 << 20];
                int count = 0;
                for (int i = offset; System.nanoTime() < end && count < mine.length; i++) {
                    long start = System.nanoTime();
                    Answer answer = pipeline.answer(Question.fromAdministrator(questions.get(i % questions.size())));
                    mine[count++] = System.nanoTime() - start;
                    if (answer.status() != Answer.Status.ANSWERED) {
                        failures.incrementAndGet();
                    }
                }
                latencies.add(java.util.Arrays.copyOf(mine, count));
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long[] all = latencies.stream()
                .flatMapToLong(java.util.Arrays::stream)
                .sorted()
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "%s%d threads, %d s: %,d questions = %,.0f questions/s; latency p50 %.2f ms, p99 %.2f ms,"
                        + " max %.2f ms; not answered: %d%n",
                label == null ? "" : label + ": ",
                threads,
                seconds,
                all.length,
                all.length / elapsed,
                BenchmarkCorpus.percentile(all, 50),
                BenchmarkCorpus.percentile(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                failures.get());
    }
}
