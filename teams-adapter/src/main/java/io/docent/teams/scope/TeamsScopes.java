package io.docent.teams.scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.DocentException;
import io.docent.core.Scope;
import io.docent.teams.activity.ConversationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scopes for Teams conversations, from the scope file that Slack shares. The Teams part lives under a top-level
 * {@code "teams"} key, so neither platform reads the other's ids; other keys are ignored:
 *
 * <pre>{@code
 * {
 *   "default": { "sources": ["handbook"] },
 *   "teams": {
 *     "default":  { "sources": ["handbook", "it"] },
 *     "teams":    { "19:abc...@thread.tacv2": { "spaces": ["ENG"] } },
 *     "channels": { "19:def...@thread.tacv2": { "sources": ["it"], "accessGroups": ["it-staff"] } }
 *   }
 * }
 * }</pre>
 *
 * <p>A channel message takes its channel's entry, else its team's, else {@code teams.default}, else the top-level
 * {@code default}; a 1:1 or group chat takes {@code teams.default}, else {@code default}. An entry has
 * {@code sources} and {@code spaces} (empty or missing: no restriction) and {@code accessGroups}: the groups whose
 * restricted documents the conversation may see. Docent does not know a Teams user's groups, so without
 * {@code accessGroups} only documents without access groups (public ones) are found.
 */
public final class TeamsScopes {

    /** No file: everything, public documents only. */
    public static final TeamsScopes PUBLIC_ONLY = new TeamsScopes(publicOnly(), Map.of(), Map.of());

    private final Scope fallback;
    private final Map<String, Scope> teams;
    private final Map<String, Scope> channels;

    private TeamsScopes(Scope fallback, Map<String, Scope> teams, Map<String, Scope> channels) {
        this.fallback = fallback;
        this.teams = Map.copyOf(teams);
        this.channels = Map.copyOf(channels);
    }

    /**
     * Reads the scope file.
     *
     * @throws DocentException.InvalidInput when the file cannot be read or an entry is malformed; the message
     *     names {@code DOCENT_SCOPE_FILE} and the entry
     */
    public static TeamsScopes load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new DocentException.InvalidInput(
                    "DOCENT_SCOPE_FILE " + file + " cannot be read as JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DocentException.InvalidInput("DOCENT_SCOPE_FILE " + file + " must hold a JSON object");
        }
        JsonNode section = root.path("teams");
        Scope fallback = section.has("default")
                ? scope(section.get("default"), "teams.default")
                : root.has("default") ? scope(root.get("default"), "default") : publicOnly();
        return new TeamsScopes(
                fallback,
                entries(section.path("teams"), "teams.teams"),
                entries(section.path("channels"), "teams.channels"));
    }

    /** The scope of a conversation. */
    public Scope scopeFor(ConversationContext where) {
        Objects.requireNonNull(where, "where");
        if (where.kind() == ConversationContext.Kind.CHANNEL) {
            Scope scope = channels.get(where.channelId());
            if (scope == null) {
                scope = teams.get(where.teamId());
            }
            if (scope != null) {
                return scope;
            }
        }
        return fallback;
    }

    private static Map<String, Scope> entries(JsonNode node, String path) {
        Map<String, Scope> entries = new TreeMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return entries;
        }
        if (!node.isObject()) {
            throw new DocentException.InvalidInput("DOCENT_SCOPE_FILE: " + path + " must be an object of ids");
        }
        node.properties().forEach(e -> entries.put(e.getKey(), scope(e.getValue(), path + "." + e.getKey())));
        return entries;
    }

    private static Scope scope(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new DocentException.InvalidInput("DOCENT_SCOPE_FILE: " + path + " must be an object");
        }
        return new Scope(
                strings(node.path("sources"), path + ".sources"),
                strings(node.path("spaces"), path + ".spaces"),
                strings(node.path("accessGroups"), path + ".accessGroups"));
    }

    private static Set<String> strings(JsonNode node, String path) {
        Set<String> values = new LinkedHashSet<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw new DocentException.InvalidInput("DOCENT_SCOPE_FILE: " + path + " must be an array of strings");
        }
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new DocentException.InvalidInput("DOCENT_SCOPE_FILE: " + path + " must hold non-empty strings");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static Scope publicOnly() {
        return new Scope(Set.of(), Set.of(), Set.of());
    }
}
