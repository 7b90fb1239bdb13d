package io.docent.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.app.DocentStack;
import io.docent.app.Main;
import io.docent.app.config.Settings;
import io.docent.app.eval.AnswerEvaluator;
import io.docent.app.eval.AnswerEvaluator.Result;
import io.docent.app.eval.AnswerMetrics;
import io.docent.app.eval.AnswerSet;
import io.docent.core.Citation;
import io.docent.core.DocentException;
import io.docent.core.SearchHit;
import io.docent.core.pipeline.GateModel;
import io.docent.core.pipeline.QueryCoverage;
import io.docent.core.pipeline.RelevanceGate;
import io.docent.core.pipeline.TermRarity;
import io.docent.core.wordnet.WordNetSynonyms;
import io.docent.indexer.export.ExportOptions;
import io.docent.indexer.sync.IndexJob;
import io.docent.indexer.sync.SyncResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code docent eval --answers FILE}: end-to-end answer quality on a question set, through the pipeline as
 * configured (the extractive answerer on the embedded default, the language model when one is set).
 *
 * <p>With {@code --corpus DIR} the folder is synced into an embedded index of its own under {@code
 * DOCENT_HOME/eval/} (kept between runs: an unchanged folder is not re-embedded), declared public, and the questions
 * are asked there; without it, the configured index (the sample handbook by default). Questions are asked as the
 * operator (every document): the sets measure answers, not permissions.
 */
final class AnswerEvalRun {

    private final Settings settings;
    private final StackOptions stackOptions;
    private final PrintWriter out;
    private final PrintWriter err;

    AnswerEvalRun(Settings settings, StackOptions stackOptions, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.stackOptions = stackOptions;
        this.out = out;
        this.err = err;
    }

    int run(Path file, Path corpus, Integer limit, boolean json, boolean verbose, Path gateFeatures) {
        AnswerSet loaded;
        try {
            loaded = AnswerSet.load(file);
        } catch (DocentException.InvalidInput e) {
            err.println("docent eval: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        AnswerSet set = limit == null
                ? loaded
                : new AnswerSet(
                        loaded.name(),
                        loaded.items().subList(0, Math.min(limit, loaded.items().size())));
        if (corpus != null && !Files.isDirectory(corpus)) {
            err.println("docent eval: --corpus " + corpus + " is not a folder");
            return Main.EXIT_USAGE;
        }
        if (corpus != null && !DocentStack.usesEmbeddedIndex(settings)) {
            err.println("docent eval: --corpus builds an embedded index of its own; it is not written to Azure AI"
                    + " Search (unset AZURE_SEARCH_ENDPOINT to evaluate a folder)");
            return Main.EXIT_USAGE;
        }
        try (DocentStack stack = corpus == null ? stackOptions.openForQuestions(settings, err) : corpusStack(corpus)) {
            err.println("docent eval: asking " + set.items().size() + " questions of " + set.name()
                    + " as administrator (every document)");
            err.flush();
            var progress = new ProgressBar(err, "questions");
            int[] done = {0};
            List<Result> results = new AnswerEvaluator(stack.pipeline())
                    .run(set, r -> progress.update(++done[0], set.items().size()));
            progress.done();
            AnswerMetrics metrics = AnswerMetrics.of(set.name(), results);
            if (gateFeatures != null) {
                writeGateFeatures(set.name(), results, TermRarity.of(stack.index()), gateFeatures);
                err.println("docent eval: wrote the relevance gate's evidence to " + gateFeatures);
            }
            if (json) {
                out.println(metrics.toJson().toString());
                out.flush();
            } else {
                metrics.printText(out);
                if (verbose) {
                    printMisses(results);
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("docent eval: cannot write " + gateFeatures + ": " + e.getMessage());
            return Main.EXIT_FAILURES;
        }
    }

    private DocentStack corpusStack(Path corpus) {
        Path dir = DocentStack.home(settings).resolve("eval").resolve("answers-" + key(corpus));
        DocentStack stack = DocentStack.open(settings, dir);
        try {
            err.println("docent eval: syncing " + corpus + " into " + dir + " (unchanged files are skipped)");
            var progress = new ProgressBar(err, "documents");
            SyncResult result = IndexJob.builder(stack.index(), stack.embedder(), "eval", corpus)
                    .exportOptions(ExportOptions.builder().publicSource(true).build())
                    .progress(progress::update)
                    .build()
                    .runOnce();
            stack.index().commit();
            progress.done();
            err.println("docent eval: " + result.summary());
            err.flush();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static String key(Path corpus) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(corpus.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            String name = corpus.toAbsolutePath().normalize().getFileName().toString();
            return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                    + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void printMisses(List<Result> results) {
        for (Result r : results) {
            var item = r.item();
            boolean miss = item.kind().answerable()
                    ? r.notFound()
                            || r.failed()
                            || (!item.expectDocs().isEmpty() && !r.cited())
                            || (!item.facts().isEmpty() && !r.factFound())
                    : !r.notFound();
            if (!miss) {
                continue;
            }
            String text = r.answer().text().replaceAll("\\s+", " ");
            out.printf(
                    Locale.ROOT,
                    "%nMISS %s (%s, %s): %s%n  expected docs %s, facts %s%n  answer: %s%n  cited: %s%n",
                    item.id(),
                    item.kind().label(),
                    r.answer().status(),
                    item.question(),
                    item.expectDocs(),
                    item.facts(),
                    text.length() > 200 ? text.substring(0, 200) + "..." : text,
                    r.answer().citations().stream().map(Citation::url).toList());
        }
        out.flush();
    }

    private static final QueryCoverage COVERAGE = new QueryCoverage();

    /**
     * One JSON line a question: the set, whether it is answerable, and what the relevance gate sees of each
     * retrieved passage (similarity, coverage, keyword match, the question's terms it holds, those it holds only a
     * synonym of) and whether the passage is from an expected document; the question's content terms and their
     * weights ({@link TermRarity}, 0 for words that only name the kind of answer).
     * {@code docent eval --fit-gate} fits the gate's rule on these.
     */
    private static void writeGateFeatures(String set, List<Result> results, TermRarity rarity, Path file)
            throws IOException {
        var mapper = new ObjectMapper();
        var evidence = new RelevanceGate(GateModel.similarityOnly(0), 0, rarity, WordNetSynonyms.shared());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Result r : results) {
                ObjectNode line = mapper.createObjectNode();
                line.put("set", set);
                line.put("id", r.item().id());
                line.put("answerable", r.item().kind().answerable());
                ArrayNode passages = line.putArray("passages");
                List<SearchHit> hits = r.answer().evidence();
                String query = r.answer().standaloneQuery() == null
                        ? r.item().question()
                        : r.answer().standaloneQuery();
                Set<String> terms = COVERAGE.terms(query);
                terms.forEach(line.putArray("terms")::add);
                ObjectNode weights = line.putObject("weights");
                COVERAGE.subjectWeights(rarity.weights(terms)).forEach(weights::put);
                for (RelevanceGate.Evidence e : evidence.evidence(query, hits)) {
                    var chunk = e.hit().chunk();
                    Set<String> inPassage = COVERAGE.terms(chunk.title() + "\n"
                            + (chunk.breadcrumb() == null ? "" : chunk.breadcrumb()) + "\n" + chunk.text());
                    ObjectNode passage = passages.addObject();
                    terms.stream().filter(inPassage::contains).forEach(passage.putArray("found")::add);
                    e.bySynonym().forEach(passage.putArray("synonym")::add);
                    passage.put("similarity", e.hit().similarity())
                            .put("coverage", e.coverage())
                            .put("keyword", e.inKeywordList())
                            .put("expected", AnswerEvaluator.expected(r.item(), e.hit()));
                }
                w.write(mapper.writeValueAsString(line));
                w.newLine();
            }
        }
    }
}
