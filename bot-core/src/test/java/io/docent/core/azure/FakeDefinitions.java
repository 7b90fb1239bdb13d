package io.docent.core.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Index definitions as the fake service keeps them: with every attribute the service fills in when a request leaves
 * it out, and the service's rule that an existing field may not change (only be added to, or made retrievable).
 */
final class FakeDefinitions {

    private static final List<String> FIXED = List.of(
            "type",
            "key",
            "searchable",
            "filterable",
            "sortable",
            "facetable",
            "analyzer",
            "dimensions",
            "vectorSearchProfile");

    private FakeDefinitions() {}

    static ObjectNode normalise(ObjectNode definition) {
        for (JsonNode node : definition.withArray("fields")) {
            ObjectNode field = (ObjectNode) node;
            String type = field.get("type").asText();
            boolean collection = type.startsWith("Collection(");
            boolean vector = type.equals("Collection(Edm.Single)") || type.equals("Collection(Edm.Half)");
            boolean text = type.equals("Edm.String") || type.equals("Collection(Edm.String)");
            defaultTo(field, "key", false);
            defaultTo(field, "retrievable", true);
            defaultTo(field, "stored", true);
            defaultTo(field, "searchable", text || vector);
            defaultTo(field, "filterable", !vector);
            defaultTo(field, "sortable", !vector && !collection);
            defaultTo(field, "facetable", !vector);
            if (!field.has("analyzer")) {
                field.putNull("analyzer");
            }
            if (!field.has("dimensions")) {
                field.putNull("dimensions");
            }
            if (!field.has("vectorSearchProfile")) {
                field.putNull("vectorSearchProfile");
            }
        }
        definition.put("@odata.etag", "\"0x" + Long.toHexString(System.nanoTime()) + "\"");
        return definition;
    }

    /** Why the service would refuse to update {@code old} to {@code updated}, or {@code null} if it would not. */
    static String changeProblem(ObjectNode old, ObjectNode updated) {
        Map<String, JsonNode> newFields = new HashMap<>();
        updated.get("fields").forEach(f -> newFields.put(f.get("name").asText(), f));
        for (JsonNode field : old.get("fields")) {
            String name = field.get("name").asText();
            JsonNode now = newFields.get(name);
            if (now == null) {
                return "The request is invalid. Details: definition : The field '" + name + "' is missing; existing"
                        + " fields cannot be removed.";
            }
            for (String attribute : FIXED) {
                if (!field.path(attribute).equals(now.path(attribute))) {
                    return "Existing field '" + name + "' cannot be changed (" + attribute + ").";
                }
            }
        }
        return null;
    }

    private static void defaultTo(ObjectNode field, String name, boolean value) {
        if (!field.hasNonNull(name)) {
            field.put(name, value);
        }
    }
}
