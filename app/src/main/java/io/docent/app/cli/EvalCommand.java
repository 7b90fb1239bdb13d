package io.docent.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.app.DocentStack;
import io.docent.app.Main;
import io.docent.app.config.RetrievalConfig;
import io.docent.app.config.Settings;
import io.docent.app.eval.BeirDataset;
import io.docent.app.eval.BootstrapInterval;
import io.docent.app.eval.RetrievalEvaluator;
import io.docent.app.eval.RetrievalEvaluator.ModeResult;
import io.docent.core.Embedder;
import io.docent.core.SearchIndex;
import io.docent.core.SearchMode;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import io.docent.indexer.chunking.Chunker;
import io.docent.indexer.chunking.ChunkerSettings;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Retrieval quality over a BEIR-format dataset. The corpus is indexed once into {@code DOCENT_HOME/eval/} (reused on
 * later runs with the same dataset, model, chunking and corpus limit), then each mode is scored. By default each
 * document is one chunk, as BEIR's reference numbers are computed; {@code --chunk-tokens} cuts documents with the
 * indexer's {@link Chunker} at that target size, to compare chunk sizes.
 */
@Command(
        name = "eval",
        description = {
            "Measures retrieval quality (nDCG@10, Recall@10/100, MRR@10) and latency on a BEIR dataset (--dataset),",
            "or answer quality end to end on a question set (--answers): cited, fact found, honest refusals, wrongly"
                    + " not found, latency."
        },
        mixinStandardHelpOptions = true)
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--dataset", paramLabel = "DIR", description = "A BEIR-format dataset folder.")
    Path dataset;

    @Option(
            names = "--answers",
            paramLabel = "FILE",
            description = "A question set (JSON lines: id, question, history, kind, expect_docs, expect_facts; see"
                    + " eval/README.md), asked as administrator through the configured answerer.")
    Path answers;

    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            description = "With --answers: sync this folder into an embedded index of its own (declared public) and"
                    + " ask there, instead of the configured index.")
    Path corpus;

    @Option(names = "--verbose", description = "With --answers: list each question that missed, with its answer.")
    boolean verbose;

    @Option(
            names = "--gate-features",
            paramLabel = "FILE",
            description = "With --answers: write what the relevance gate saw of each question's passages, for"
                    + " --fit-gate.")
    Path gateFeatures;

    @Option(
            names = "--fit-gate",
            paramLabel = "FILE",
            arity = "1..*",
            description = "Fit the relevance gate's rule on --gate-features files (one per question set) and"
                    + " cross-validate it leaving one set out.")
    List<Path> fitGate;

    @Option(
            names = "--write-gate",
            paramLabel = "FILE",
            description = "With --fit-gate: write the fitted rule as a properties file.")
    Path writeGate;

    @Mixin
    StackOptions stackOptions;

    @Option(names = "--split", defaultValue = "test", description = "The qrels split (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--mode",
            defaultValue = "all",
            paramLabel = "MODE",
            description = "bm25, vector, hybrid or all (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--json", description = "Print one JSON object keyed by mode.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N queries.")
    Integer limit;

    @Option(
            names = "--chunk-tokens",
            paramLabel = "N",
            description = "Cut documents with the indexer's chunker at a target of N tokens (default size: "
                    + ChunkerSettings.DEFAULT_TARGET_TOKENS + "; without this option each document is one chunk).")
    Integer chunkTokens;

    @Option(
            names = "--corpus-limit",
            paramLabel = "N",
            description = "Index only N corpus documents: every one judged for the evaluated queries, then the first"
                    + " others (a smaller, easier corpus, for quicker comparisons).")
    Integer corpusLimit;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int tasks = (dataset == null ? 0 : 1) + (answers == null ? 0 : 1) + (fitGate == null ? 0 : 1);
        if (tasks != 1) {
            err.println("docent eval: give one of --dataset DIR, --answers FILE or --fit-gate FILE...");
            return Main.EXIT_USAGE;
        }
        if (fitGate != null) {
            return new GateFitRun(out, err).run(fitGate, OnnxEmbedder.MODEL_NAME, writeGate);
        }
        if (answers != null) {
            return new AnswerEvalRun(main.settings(), stackOptions, out, err)
                    .run(answers, corpus, limit, json, verbose, gateFeatures);
        }
        List<SearchMode> modes = modes(mode);
        if (modes.isEmpty()) {
            err.println("docent eval: --mode must be bm25, vector, hybrid or all");
            return Main.EXIT_USAGE;
        }
        BeirDataset data = BeirDataset.load(dataset, split, note -> err.println("docent eval: " + note));
        if (limit != null) {
            data = data.limitQueries(limit);
        }
        if (corpusLimit != null) {
            data = data.limitCorpus(corpusLimit);
        }
        Chunker chunker;
        try {
            chunker = chunkTokens == null ? null : new Chunker(ChunkerSettings.forTarget(chunkTokens));
        } catch (IllegalArgumentException e) {
            err.println("docent eval: --chunk-tokens " + chunkTokens + ": " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        Settings settings = main.settings();
        Embedder embedder = new OnnxEmbedder();
        Path dir = DocentStack.home(settings).resolve("eval").resolve(cacheKey(data, embedder, chunker));
        List<ModeResult> results = new ArrayList<>();
        try (SearchIndex index = RetrievalConfig.read(settings)
                .applyTo(LuceneSearchIndex.builder(dir).embeddingModel(embedder.modelName(), embedder.dimension()))
                .open()) {
            var evaluator = new RetrievalEvaluator(index, embedder, chunker);
            if (index.chunkCount() == 0) {
                err.println("docent eval: indexing " + data.name() + " into " + dir + " (once; later runs reuse it)");
                long start = System.nanoTime();
                var progress = new ProgressBar(err, "documents");
                int n = evaluator.indexCorpus(data, progress::update);
                progress.done();
                double seconds = (System.nanoTime() - start) / 1e9;
                err.printf(
                        Locale.ROOT,
                        "docent eval: indexed %d documents (%d chunks) in %.1f s (%.1f docs/s)%n",
                        n,
                        index.chunkCount(),
                        seconds,
                        n / seconds);
            }
            for (SearchMode m : modes) {
                results.add(evaluator.evaluate(data, m));
            }
        }
        if (json) {
            printJson(results, out);
        } else {
            printTable(data, results, out);
            out.printf(
                    Locale.ROOT,
                    "95%% CI: percentile bootstrap over queries (%d resamples, seed %d)%n",
                    BootstrapInterval.DEFAULT_RESAMPLES,
                    BootstrapInterval.DEFAULT_SEED);
            out.flush();
        }
        return 0;
    }

    static List<SearchMode> modes(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "bm25", "text" -> List.of(SearchMode.TEXT);
            case "vector" -> List.of(SearchMode.VECTOR);
            case "hybrid" -> List.of(SearchMode.HYBRID);
            case "all" -> List.of(SearchMode.TEXT, SearchMode.VECTOR, SearchMode.HYBRID);
            default -> List.of();
        };
    }

    static String label(SearchMode mode) {
        return mode == SearchMode.TEXT ? "bm25" : mode.name().toLowerCase(Locale.ROOT);
    }

    private static void printTable(BeirDataset data, List<ModeResult> results, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "%s (split %s, %d queries)%n",
                data.name(),
                data.split(),
                data.queries().size());
        out.printf(
                Locale.ROOT,
                "%-8s %8s %17s %10s %11s %7s %9s %9s%n",
                "mode",
                "nDCG@10",
                "95% CI",
                "Recall@10",
                "Recall@100",
                "MRR@10",
                "p50 ms",
                "p99 ms");
        for (ModeResult r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-8s %8.4f %17s %10.4f %11.4f %7.4f %9.2f %9.2f%n",
                    label(r.mode()),
                    r.ndcg10(),
                    String.format(
                            Locale.ROOT,
                            "[%.4f, %.4f]",
                            r.ndcg10Interval().low(),
                            r.ndcg10Interval().high()),
                    r.recall10(),
                    r.recall100(),
                    r.mrr10(),
                    r.p50Millis(),
                    r.p99Millis());
        }
        out.flush();
    }

    private static void printJson(List<ModeResult> results, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        for (ModeResult r : results) {
            ObjectNode node = root.putObject(label(r.mode()));
            node.put("queries", r.queries());
            node.put("ndcg@10", r.ndcg10());
            node.putObject("ndcg@10_ci95")
                    .put("low", r.ndcg10Interval().low())
                    .put("high", r.ndcg10Interval().high())
                    .put("resamples", BootstrapInterval.DEFAULT_RESAMPLES)
                    .put("seed", BootstrapInterval.DEFAULT_SEED);
            node.put("recall@10", r.recall10());
            node.put("recall@100", r.recall100());
            node.put("mrr@10", r.mrr10());
            node.putObject("latency_ms").put("p50", r.p50Millis()).put("p99", r.p99Millis());
        }
        out.println(root.toString());
        out.flush();
    }

    /** The index folder's name: unchanged for the default (whole documents, whole corpus), so old caches stay valid. */
    static String cacheKey(BeirDataset data, Embedder embedder, Chunker chunker) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(data.dir().toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(embedder.modelName().getBytes(StandardCharsets.UTF_8));
            if (data.corpusLimit() != 0) {
                // the judged documents kept depend on the queries kept
                digest.update(("corpus-limit:" + data.corpusLimit() + ":" + data.split() + ":"
                                + String.join(",", data.queries().keySet()))
                        .getBytes(StandardCharsets.UTF_8));
            }
            String chunking = chunker == null
                    ? ""
                    : "-c" + chunker.settings().targetTokens() + "-"
                            + HexFormat.of()
                                    .formatHex(MessageDigest.getInstance("SHA-256")
                                            .digest(chunker.settings()
                                                    .fingerprint()
                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .substring(0, 6);
            String subset = data.corpusLimit() == 0 ? "" : "-n" + data.corpusLimit();
            return data.name() + subset + chunking + "-"
                    + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
