package io.docent.app.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.DocentException;
import io.docent.core.Turn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A question set for end-to-end answer evaluation: one JSON object a line,
 * {@code {"id", "question", "history": [{"role", "text"}], "kind", "expect_docs", "expect_facts"}}.
 *
 * <p>{@code kind} is {@code answerable}, {@code unanswerable} or {@code followup} (answerable, with history).
 * {@code expect_docs} are suffixes of the documents' paths or URLs that a right answer cites (an entry may carry a
 * {@code #page=N}, then the page is checked too); {@code expect_facts} are regular expressions, one of which a right
 * answer contains (case-insensitive; Python's {@code (?P<name>...)} groups are accepted). Blank lines and lines
 * starting with {@code //} are skipped.
 */
public record AnswerSet(String name, List<Item> items) {

    public enum Kind {
        ANSWERABLE,
        UNANSWERABLE,
        FOLLOWUP;

        public boolean answerable() {
            return this != UNANSWERABLE;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One question of the set. */
    public record Item(
            String id, String question, List<Turn> history, Kind kind, List<String> expectDocs, List<Pattern> facts) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(question, "question");
            history = List.copyOf(history);
            expectDocs = List.copyOf(expectDocs);
            facts = List.copyOf(facts);
        }
    }

    public AnswerSet {
        items = List.copyOf(items);
    }

    /**
     * Reads a question file; the set's name is the name of the folder it is in ({@code eval/handbook/questions.jsonl}
     * is "handbook").
     *
     * @throws DocentException.InvalidInput naming the file and line of the first thing wrong
     */
    public static AnswerSet load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DocentException.InvalidInput("cannot read the question file " + file + ": " + e.getMessage());
        }
        var mapper = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            Item item = item(mapper, line, where);
            if (!ids.add(item.id())) {
                throw new DocentException.InvalidInput(where + ": the id \"" + item.id() + "\" is used twice");
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw new DocentException.InvalidInput(file + " holds no questions");
        }
        Path parent = file.toAbsolutePath().getParent();
        String name = parent == null || parent.getFileName() == null
                ? file.getFileName().toString()
                : parent.getFileName().toString();
        return new AnswerSet(name, items);
    }

    private static Item item(ObjectMapper mapper, String line, String where) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new DocentException.InvalidInput(where + ": not a JSON object: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new DocentException.InvalidInput(where + ": not a JSON object");
        }
        String id = text(node, "id", where);
        String question = text(node, "question", where);
        Kind kind;
        try {
            kind = Kind.valueOf(text(node, "kind", where).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DocentException.InvalidInput(
                    where + " (" + id + "): kind must be answerable, unanswerable or followup");
        }
        List<Turn> history = new ArrayList<>();
        for (JsonNode turn : array(node, "history", where)) {
            String role = turn.path("role").asText("");
            String text = turn.path("text").asText("");
            switch (role) {
                case "user" -> history.add(Turn.user(text));
                case "assistant" -> history.add(Turn.assistant(text));
                default ->
                    throw new DocentException.InvalidInput(where + " (" + id
                            + "): a history turn's role must be user or assistant, got \"" + role + "\"");
            }
        }
        List<String> docs = new ArrayList<>();
        array(node, "expect_docs", where).forEach(d -> docs.add(d.asText()));
        List<Pattern> facts = new ArrayList<>();
        for (JsonNode fact : array(node, "expect_facts", where)) {
            try {
                facts.add(Pattern.compile(
                        fact.asText().replace("(?P<", "(?<"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw new DocentException.InvalidInput(where + " (" + id + "): expect_facts has an invalid regular"
                        + " expression: " + e.getDescription() + " in " + fact.asText());
            }
        }
        if (kind.answerable() && docs.isEmpty() && facts.isEmpty()) {
            throw new DocentException.InvalidInput(
                    where + " (" + id + "): an answerable question needs expect_docs or expect_facts");
        }
        if (kind == Kind.FOLLOWUP && history.isEmpty()) {
            throw new DocentException.InvalidInput(where + " (" + id + "): a followup needs a history");
        }
        return new Item(id, question, history, kind, docs, facts);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new DocentException.InvalidInput(where + ": \"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }

    private static Iterable<JsonNode> array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new DocentException.InvalidInput(where + ": \"" + field + "\" must be an array");
        }
        return value;
    }
}
