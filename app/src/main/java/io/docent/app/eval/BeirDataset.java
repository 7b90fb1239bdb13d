package io.docent.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.DocentException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A BEIR-format dataset: the corpus is streamed (it can be large), queries and relevance judgements are loaded.
 * Only queries that have judgements in the chosen split are kept.
 *
 * @param corpusLimit 0 for the whole corpus; otherwise every document judged for a kept query is streamed, and the
 *     first others in file order until this many in all (a smaller, easier corpus, for quicker comparisons)
 */
public record BeirDataset(
        Path dir, String name, String split, Map<String, String> queries, Qrels qrels, int corpusLimit) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A corpus document. */
    public record Doc(String id, String title, String text) {}

    /** Graded judgements: query id to (doc id to grade > 0). */
    public record Qrels(Map<String, Map<String, Integer>> byQuery) {}

    /**
     * Loads {@code dir}. When {@code split} has no qrels file but the dataset has exactly one, that one is used and
     * {@code onNote} is told; otherwise a missing split is an error naming the ones available.
     */
    public static BeirDataset load(Path dir, String split, Consumer<String> onNote) {
        requireFile(dir.resolve("corpus.jsonl"));
        requireFile(dir.resolve("queries.jsonl"));
        Path qrelsFile = dir.resolve("qrels").resolve(split + ".tsv");
        if (!Files.isRegularFile(qrelsFile)) {
            List<String> available = availableSplits(dir);
            if (available.size() != 1) {
                throw new DocentException.InvalidInput(
                        "no qrels/" + split + ".tsv in " + dir + "; available splits: " + available);
            }
            onNote.accept("split '" + split + "' not found, using the only one available: " + available.getFirst());
            split = available.getFirst();
            qrelsFile = dir.resolve("qrels").resolve(split + ".tsv");
        }
        Qrels qrels = readQrels(qrelsFile);
        Map<String, String> queries = new LinkedHashMap<>();
        forEachJsonLine(dir.resolve("queries.jsonl"), node -> {
            String id = node.path("_id").asText();
            if (qrels.byQuery().containsKey(id)) {
                queries.put(id, node.path("text").asText());
            }
        });
        return new BeirDataset(dir, dir.getFileName().toString(), split, queries, qrels, 0);
    }

    /** This dataset with only its first {@code n} queries (for a quick run). */
    public BeirDataset limitQueries(int n) {
        Map<String, String> first = new LinkedHashMap<>();
        queries.entrySet().stream().limit(Math.max(0, n)).forEach(e -> first.put(e.getKey(), e.getValue()));
        return new BeirDataset(dir, name, split, first, qrels, corpusLimit);
    }

    /**
     * This dataset with its corpus cut to {@code n} documents: all those judged for its queries, then the first
     * others in file order. Queries should be limited first, so their judged documents are the ones kept.
     */
    public BeirDataset limitCorpus(int n) {
        if (n < 1) {
            throw new DocentException.InvalidInput("the corpus limit must be >= 1, was " + n);
        }
        return new BeirDataset(dir, name, split, queries, qrels, n);
    }

    /** Streams the corpus (or its first {@link #corpusLimit} documents as described there), one at a time. */
    public void forEachDoc(Consumer<Doc> consumer) {
        Set<String> judged = new HashSet<>();
        queries.keySet()
                .forEach(q ->
                        judged.addAll(qrels.byQuery().getOrDefault(q, Map.of()).keySet()));
        int[] othersLeft = {corpusLimit == 0 ? Integer.MAX_VALUE : Math.max(0, corpusLimit - judged.size())};
        forEachJsonLine(dir.resolve("corpus.jsonl"), node -> {
            String id = node.path("_id").asText();
            if (corpusLimit != 0 && !judged.contains(id)) {
                if (othersLeft[0] == 0) {
                    return;
                }
                othersLeft[0]--;
            }
            consumer.accept(
                    new Doc(id, node.path("title").asText(""), node.path("text").asText("")));
        });
    }

    private static Qrels readQrels(Path file) {
        Map<String, Map<String, Integer>> byQuery = new HashMap<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                String[] f = line.split("\t");
                if (f.length < 3 || f[0].equals("query-id")) {
                    return;
                }
                int grade = Integer.parseInt(f[2].strip());
                if (grade > 0) {
                    byQuery.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], grade);
                }
            });
        } catch (IOException | NumberFormatException e) {
            throw new DocentException.InvalidInput("cannot read qrels " + file + ": " + e.getMessage());
        }
        return new Qrels(byQuery);
    }

    private static void forEachJsonLine(Path file, Consumer<JsonNode> consumer) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    consumer.accept(JSON.readTree(line));
                } catch (IOException e) {
                    throw new DocentException.InvalidInput(
                            file + " line " + number + " is not JSON: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new DocentException.InvalidInput("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static List<String> availableSplits(Path dir) {
        List<String> splits = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("qrels"))) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tsv"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .forEach(splits::add);
        } catch (IOException e) {
            // no qrels folder: no splits
        }
        return splits;
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DocentException.InvalidInput("not a BEIR dataset: " + file + " is missing");
        }
    }
}
