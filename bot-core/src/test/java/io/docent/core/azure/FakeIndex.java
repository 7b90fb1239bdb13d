package io.docent.core.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One index of the fake Azure AI Search service: its definition as the service returns it (every attribute filled
 * in with the service's defaults) and its documents, searched the way the service documents it: BM25 over the
 * searchable fields (simple syntax, any term), exact cosine over vector fields, reciprocal rank fusion (k = 60) of the
 * two for hybrid queries, filters applied before ranking.
 */
final class FakeIndex {

    record Ranked(Map<String, Object> doc, double score, Double rerankerScore) {}

    private static final Pattern TOKEN = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with");

    ObjectNode definition;
    final TreeMap<String, Map<String, Object>> docs = new TreeMap<>();

    FakeIndex(ObjectNode definition) {
        this.definition = definition;
    }

    String keyField() {
        for (JsonNode field : definition.get("fields")) {
            if (field.path("key").asBoolean()) {
                return field.get("name").asText();
            }
        }
        throw new IllegalStateException("no key field");
    }

    JsonNode field(String name) {
        for (JsonNode field : definition.get("fields")) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        return null;
    }

    /** A document as the service stores it: dates at millisecond precision, in UTC. */
    Map<String, Object> normalise(Map<String, Object> doc) {
        Map<String, Object> stored = new LinkedHashMap<>(doc);
        stored.remove("@search.action");
        for (Map.Entry<String, Object> e : stored.entrySet()) {
            JsonNode field = field(e.getKey());
            if (field == null) {
                throw new IllegalArgumentException("The property '" + e.getKey() + "' does not exist on type"
                        + " 'search.documentFields'. Make sure to only use property names that are defined by the"
                        + " type.");
            }
            if (e.getValue() != null && field.get("type").asText().equals("Edm.DateTimeOffset")) {
                e.setValue(OffsetDateTime.parse(e.getValue().toString())
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.MILLIS)
                        .toString());
            }
            if (e.getValue() instanceof List<?> vector
                    && field.has("dimensions")
                    && !field.get("dimensions").isNull()
                    && vector.size() != field.get("dimensions").asInt()) {
                throw new IllegalArgumentException("The vector field '" + e.getKey() + "' must have "
                        + field.get("dimensions").asInt() + " dimensions, but has " + vector.size() + ".");
            }
        }
        return stored;
    }

    List<Ranked> search(JsonNode request) {
        String filter = request.path("filter").asText(null);
        Predicate<Map<String, Object>> admitted = filter == null ? d -> true : ODataParser.parse(filter);
        List<Map<String, Object>> candidates =
                docs.values().stream().filter(admitted).toList();
        String text = request.path("search").asText(null);
        boolean hasText = text != null && !text.isBlank() && !text.strip().equals("*");
        List<Ranked> textList = hasText ? keyword(candidates, text, searchFields(request)) : null;
        List<List<Ranked>> vectorLists = new ArrayList<>();
        for (JsonNode query : request.path("vectorQueries")) {
            vectorLists.add(vector(candidates, query));
        }
        List<Ranked> ranked;
        if (textList != null && !vectorLists.isEmpty()) {
            List<List<Ranked>> lists = new ArrayList<>(vectorLists);
            lists.add(textList);
            ranked = fuse(lists);
        } else if (textList != null) {
            ranked = textList;
        } else if (!vectorLists.isEmpty()) {
            ranked = vectorLists.size() == 1 ? vectorLists.getFirst() : fuse(vectorLists);
        } else {
            ranked = new ArrayList<>(
                    candidates.stream().map(d -> new Ranked(d, 1.0, null)).toList());
        }
        if (request.path("queryType").asText("").equals("semantic") && textList != null) {
            ranked = ranked.stream()
                    .map(r -> new Ranked(r.doc(), r.score(), Math.min(4.0, r.score() * 40)))
                    .sorted(Comparator.comparing((Ranked r) -> -r.rerankerScore()))
                    .toList();
        }
        String orderBy = request.path("orderby").asText(null);
        if (orderBy != null) {
            String[] parts = orderBy.strip().split("\\s+");
            Comparator<Ranked> order =
                    Comparator.comparing(r -> String.valueOf(r.doc().get(parts[0])));
            ranked = ranked.stream()
                    .sorted(parts.length > 1 && parts[1].equalsIgnoreCase("desc") ? order.reversed() : order)
                    .toList();
        }
        int skip = request.path("skip").asInt(0);
        int top = request.path("top").asInt(50);
        return ranked.stream().skip(skip).limit(top).toList();
    }

    private List<String> searchFields(JsonNode request) {
        String fields = request.path("searchFields").asText("");
        if (!fields.isBlank()) {
            return List.of(fields.split("\\s*,\\s*"));
        }
        List<String> searchable = new ArrayList<>();
        for (JsonNode field : definition.get("fields")) {
            if (field.path("searchable").asBoolean()
                    && field.get("type").asText().contains("String")) {
                searchable.add(field.get("name").asText());
            }
        }
        return searchable;
    }

    /** BM25 (k1 = 1.2, b = 0.75) summed over the searched fields; a document matching no term is not a hit. */
    private List<Ranked> keyword(List<Map<String, Object>> candidates, String text, List<String> fields) {
        List<String> terms = analyze(text);
        Map<String, Map<String, List<String>>> tokens = new HashMap<>();
        Map<String, Double> averageLength = new HashMap<>();
        for (String field : fields) {
            long total = 0;
            for (Map<String, Object> doc : docs.values()) {
                List<String> t = analyze(String.valueOf(doc.getOrDefault(field, "")));
                tokens.computeIfAbsent(key(doc), k -> new HashMap<>()).put(field, t);
                total += t.size();
            }
            averageLength.put(field, docs.isEmpty() ? 1 : Math.max(1, (double) total / docs.size()));
        }
        Map<String, Long> documentFrequency = new HashMap<>();
        for (String field : fields) {
            for (String term : terms) {
                documentFrequency.put(
                        field + "\u0000" + term,
                        tokens.values().stream()
                                .filter(f -> f.get(field).contains(term))
                                .count());
            }
        }
        List<Ranked> hits = new ArrayList<>();
        for (Map<String, Object> doc : candidates) {
            double score = 0;
            for (String field : fields) {
                List<String> words = tokens.get(key(doc)).get(field);
                for (String term : terms) {
                    long tf = words.stream().filter(term::equals).count();
                    if (tf == 0) {
                        continue;
                    }
                    long df = documentFrequency.get(field + "\u0000" + term);
                    double idf = Math.log(1 + (docs.size() - df + 0.5) / (df + 0.5));
                    double norm = 1.2 * (0.25 + 0.75 * words.size() / averageLength.get(field));
                    score += idf * tf * 2.2 / (tf + norm);
                }
            }
            if (score > 0) {
                hits.add(new Ranked(doc, score, null));
            }
        }
        hits.sort(Comparator.comparing((Ranked r) -> -r.score()).thenComparing(r -> key(r.doc())));
        return hits;
    }

    /** Exact nearest neighbours by cosine; the score is the service's for cosine: 1 / (1 + (1 - cosine)). */
    private List<Ranked> vector(List<Map<String, Object>> candidates, JsonNode query) {
        float[] q = floats(query.get("vector"));
        String field = query.path("fields").asText();
        int k = query.path("k").asInt(50);
        List<Ranked> hits = new ArrayList<>();
        for (Map<String, Object> doc : candidates) {
            if (doc.get(field) instanceof List<?> values && !values.isEmpty()) {
                double cosine = ChunkQuery.cosine(q, floats(values));
                hits.add(new Ranked(doc, 1 / (1 + (1 - cosine)), null));
            }
        }
        hits.sort(Comparator.comparing((Ranked r) -> -r.score()).thenComparing(r -> key(r.doc())));
        return hits.subList(0, Math.min(k, hits.size()));
    }

    private List<Ranked> fuse(List<List<Ranked>> lists) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (List<Ranked> list : lists) {
            for (int i = 0; i < list.size(); i++) {
                String key = key(list.get(i).doc());
                scores.merge(key, 1.0 / (60 + i + 1), Double::sum);
                byKey.put(key, list.get(i).doc());
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Ranked(byKey.get(e.getKey()), e.getValue(), null))
                .toList();
    }

    private String key(Map<String, Object> doc) {
        return String.valueOf(doc.get(keyField()));
    }

    static List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : TOKEN.split(text.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty() || STOP_WORDS.contains(word)) {
                continue;
            }
            terms.add(stem(word));
        }
        return terms;
    }

    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    private static float[] floats(List<?> values) {
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) values.get(i)).floatValue();
        }
        return v;
    }

    static ArrayNode fields(ObjectNode definition) {
        return (ArrayNode) definition.get("fields");
    }
}
