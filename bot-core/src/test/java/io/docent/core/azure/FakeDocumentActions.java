package io.docent.core.azure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code docs/search.index} of the fake service: each action applied on its own, a status per document, 200 when all
 * succeeded and 207 otherwise, as the REST reference documents. Keys must be letters, digits, {@code _ - =}; a test
 * can make a document's next writes fail with a chosen status.
 */
final class FakeDocumentActions {

    /** The HTTP answer to one batch. */
    record Outcome(int status, String body) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    void failDocument(String key, int status, int times) {
        failures.put(key + "\u0000" + status, times);
    }

    Outcome apply(FakeIndex index, JsonNode actions) {
        ArrayNode results = json.createArrayNode();
        boolean allSucceeded = true;
        synchronized (index) {
            String keyField = index.keyField();
            for (JsonNode action : actions) {
                Map<String, Object> doc = json.convertValue(action, new TypeReference<>() {});
                String key = String.valueOf(doc.get(keyField));
                int status = apply(index, action.path("@search.action").asText("upload"), key, doc);
                ObjectNode result = results.addObject()
                        .put("key", key)
                        .put("status", status < 300)
                        .put("statusCode", status);
                if (status >= 300) {
                    allSucceeded = false;
                    result.put("errorMessage", status == 400 ? "Invalid document key or field value." : "Busy.");
                } else {
                    result.putNull("errorMessage");
                }
            }
        }
        ObjectNode response = json.createObjectNode();
        response.set("value", results);
        return new Outcome(allSucceeded ? 200 : 207, response.toString());
    }

    private int apply(FakeIndex index, String action, String key, Map<String, Object> doc) {
        for (Map.Entry<String, Integer> failure : failures.entrySet()) {
            String[] parts = failure.getKey().split("\u0000");
            if (parts[0].equals(key) && failure.getValue() > 0) {
                failure.setValue(failure.getValue() - 1);
                return Integer.parseInt(parts[1]);
            }
        }
        if (!key.matches("[A-Za-z0-9_\\-=]{1,1024}")) {
            return 400;
        }
        try {
            switch (action) {
                case "delete" -> {
                    index.docs.remove(key);
                    return 200;
                }
                case "merge" -> {
                    Map<String, Object> old = index.docs.get(key);
                    if (old == null) {
                        return 404;
                    }
                    old.putAll(index.normalise(doc));
                    return 200;
                }
                default -> { // upload, mergeOrUpload
                    boolean existed = index.docs.containsKey(key);
                    index.docs.put(key, index.normalise(doc));
                    return existed ? 200 : 201;
                }
            }
        } catch (IllegalArgumentException e) {
            return 400;
        }
    }
}
