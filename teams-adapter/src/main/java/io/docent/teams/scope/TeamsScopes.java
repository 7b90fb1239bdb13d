package io.docent.teams.scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.AccessGroups;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scopes and grants for Teams conversations, from the scope file that Slack shares. The Teams part lives under a
 * top-level {@code "teams"} key, so neither platform reads the other's ids; every other top-level key but
 * {@code default} (Slack's {@code channels}, {@code slack}, anything newer) is ignored:
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
 * {@code default}; a 1:1 or group chat takes {@code teams.default}, else {@code default}. An entry has {@code sources}
 * and {@code spaces} (empty or missing: no restriction) and, for channels and teams only, {@code accessGroups}: the
 * groups the admin grants that channel, which its members may read when they are all the organisation's own (or
 * with guests among them; never with people from another organisation). A grant in a default would reach every
 * group chat Docent is ever added to, so {@code teams.default} refuses one, and the shared top-level
 * {@code default}'s is not a Teams grant (logged). Grants may not name Docent's reserved groups ({@code docent:*}).
 */
public final class TeamsScopes {

    private static final Logger log = LoggerFactory.getLogger(TeamsScopes.class);

    /** No file: everything, no grants (so public documents, and what the asker may read in private). */
    public static final TeamsScopes PUBLIC_ONLY = new TeamsScopes(ScopeEntry.EVERYTHING, Map.of(), Map.of());

    private final ScopeEntry fallback;
    private final Map<String, ScopeEntry> teams;
    private final Map<String, ScopeEntry> channels;

    private TeamsScopes(ScopeEntry fallback, Map<String, ScopeEntry> teams, Map<String, ScopeEntry> channels) {
        this.fallback = fallback;
        this.teams = Map.copyOf(teams);
        this.channels = Map.copyOf(channels);
    }

    /**
     * Reads the scope file.
     *
     * @throws DocentException.InvalidInput when the file cannot be read or a Teams entry is malformed; the message
     *     names {@code DOCENT_SCOPE_FILE}, the file and the entry
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
            throw invalid(file, "it must hold a JSON object");
        }
        JsonNode section = root.path("teams");
        if (!section.isMissingNode() && !section.isNull() && !section.isObject()) {
            throw invalid(file, "teams must be an object");
        }
        ScopeEntry fallback;
        if (section.has("default")) {
            fallback = entry(file, section.get("default"), "teams.default", false);
        } else if (root.has("default")) {
            fallback = sharedDefault(file, root.get("default"));
        } else {
            fallback = ScopeEntry.EVERYTHING;
        }
        return new TeamsScopes(
                fallback,
                entries(file, section.path("teams"), "teams.teams"),
                entries(file, section.path("channels"), "teams.channels"));
    }

    /** The scope and grants of a conversation. */
    public ScopeEntry entryFor(ConversationContext where) {
        Objects.requireNonNull(where, "where");
        if (where.kind() == ConversationContext.Kind.CHANNEL) {
            ScopeEntry entry = channels.get(where.channelId());
            if (entry == null && !where.teamId().isEmpty()) {
                entry = teams.get(where.teamId());
            }
            if (entry != null) {
                return entry;
            }
        }
        return fallback;
    }

    private static ScopeEntry sharedDefault(Path file, JsonNode node) {
        if (node.isObject() && node.has("accessGroups")) {
            log.warn(
                    "DOCENT_SCOPE_FILE {}: default.accessGroups is not a grant for Teams; grant groups to a Teams"
                            + " channel or team under teams.channels or teams.teams",
                    file);
        }
        return entry(file, node, "default", false, true);
    }

    private static Map<String, ScopeEntry> entries(Path file, JsonNode node, String path) {
        Map<String, ScopeEntry> entries = new TreeMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return entries;
        }
        if (!node.isObject()) {
            throw invalid(file, path + " must be an object of ids");
        }
        node.properties()
                .forEach(e -> entries.put(e.getKey(), entry(file, e.getValue(), path + "." + e.getKey(), true)));
        return entries;
    }

    private static ScopeEntry entry(Path file, JsonNode node, String path, boolean grants) {
        return entry(file, node, path, grants, false);
    }

    private static ScopeEntry entry(Path file, JsonNode node, String path, boolean grants, boolean ignoreGrants) {
        if (!node.isObject()) {
            throw invalid(file, path + " must be an object");
        }
        Set<String> granted =
                ignoreGrants ? Set.of() : strings(file, node.path("accessGroups"), path + ".accessGroups");
        if (!grants && !granted.isEmpty()) {
            throw invalid(
                    file,
                    path + ".accessGroups: groups are granted to a channel or a team (teams.channels, teams.teams),"
                            + " not by default");
        }
        for (String group : granted) {
            if (group.startsWith(AccessGroups.RESERVED_PREFIX)) {
                throw invalid(file, path + ".accessGroups: \"" + group + "\" is reserved for Docent");
            }
        }
        Scope scope = new Scope(
                strings(file, node.path("sources"), path + ".sources"),
                strings(file, node.path("spaces"), path + ".spaces"),
                null);
        return new ScopeEntry(scope, granted);
    }

    private static Set<String> strings(Path file, JsonNode node, String path) {
        Set<String> values = new LinkedHashSet<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw invalid(file, path + " must be an array of strings");
        }
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw invalid(file, path + " must hold non-empty strings");
            }
            values.add(value.asText().strip());
        }
        return values;
    }

    private static DocentException invalid(Path file, String problem) {
        return new DocentException.InvalidInput("DOCENT_SCOPE_FILE " + file + ": " + problem);
    }
}
