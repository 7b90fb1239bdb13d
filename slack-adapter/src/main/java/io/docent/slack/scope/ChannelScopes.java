package io.docent.slack.scope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.docent.core.DocentException;
import io.docent.core.Scope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each Slack channel may search, and which access groups the admin grants it, read from the scope file
 * (documented in {@code docs/slack.md}):
 *
 * <pre>{@code
 * {
 *   "default":  { "sources": ["handbook"] },
 *   "channels": {
 *     "C0123ABCD": { "sources": ["confluence-eng"], "spaces": ["ENG", "OPS"] },
 *     "G0456EFGH": { "spaces": ["HR"], "accessGroups": ["group:6d1f..."] }
 *   },
 *   "teams": { ... }
 * }
 * }</pre>
 *
 * Channels are keyed by ID, not name: names change, IDs do not. {@code default} applies to channels not listed and
 * to direct messages; without it (or without a file) they search everything. An empty or missing list means "no
 * restriction" on that field. {@code accessGroups} (the shape Teams' entries have) are groups every member of that
 * channel may read: the access policy adds them to a channel's answers unless the channel is shared with another
 * organisation. They are granted per channel only: {@code default.accessGroups} (which Teams may use) is not applied
 * to Slack channels, because a grant to every channel at once, guests and all, is too easy to get wrong.
 *
 * <p>One file serves Slack and Teams: top-level sections Slack does not own ({@code teams}, or anything else) are
 * left to their owners. Inside Slack's own {@code default} and {@code channels}, unknown keys, malformed values and
 * channel names in place of IDs are refused at start-up with the file's path in the message, so a typo does not
 * silently widen or narrow a scope.
 */
public final class ChannelScopes {

    private static final Logger log = LoggerFactory.getLogger(ChannelScopes.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
    /** Top-level sections that belong to another platform; any other unknown one is ignored with a warning. */
    private static final Set<String> OTHER_PLATFORMS = Set.of("teams");

    /** A channel's scope (access groups {@code null}) and the groups granted to it. */
    private record Entry(Scope scope, Set<String> grants) {}

    private final Scope defaultScope;
    private final Map<String, Entry> channels;

    private ChannelScopes(Scope defaultScope, Map<String, Entry> channels) {
        this.defaultScope = defaultScope;
        this.channels = Map.copyOf(channels);
    }

    /** Everything, everywhere, nothing granted: what Docent does without a scope file. */
    public static ChannelScopes unrestricted() {
        return new ChannelScopes(Scope.ALL, Map.of());
    }

    /** The scopes in {@code file}; {@code null} gives {@link #unrestricted()}. */
    public static ChannelScopes load(Path file) {
        if (file == null) {
            return unrestricted();
        }
        FileForm form;
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.isMissingNode() || root.isNull()) {
                return unrestricted();
            }
            if (!root.isObject()) {
                throw invalid(file, "it must hold a JSON object with \"default\" and \"channels\"");
            }
            root.fieldNames().forEachRemaining(key -> {
                if (!key.equals("default") && !key.equals("channels") && !OTHER_PLATFORMS.contains(key)) {
                    log.warn("The scope file {} has a section \"{}\" that Slack does not read; ignored", file, key);
                }
            });
            form = JSON.treeToValue(root, FileForm.class);
        } catch (IOException e) {
            throw invalid(file, e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, Entry> channels = new LinkedHashMap<>();
        for (var entry : form.channels().entrySet()) {
            String id = entry.getKey();
            if (!CHANNEL_ID.matcher(id).matches()) {
                throw new DocentException.InvalidInput("the scope file " + file + " lists \"" + id
                        + "\", which is not a channel ID (like C0123ABCD): use IDs, not names");
            }
            ScopeForm scope = entry.getValue();
            channels.put(
                    id,
                    scope == null
                            ? new Entry(Scope.ALL, Set.of())
                            : new Entry(scope.scope(), scope.groups(file, "channels." + id)));
        }
        ScopeForm fallback = form.defaultScope();
        if (fallback != null && !fallback.groups(file, "default").isEmpty()) {
            log.warn(
                    "The scope file {} grants access groups in \"default\": Slack grants groups per channel only"
                            + " (list the channels under \"channels\"), so they are not applied to Slack channels",
                    file);
        }
        return new ChannelScopes(fallback == null ? Scope.ALL : fallback.scope(), channels);
    }

    /** The scope of {@code channelId}: its own, or the default (always the default for a direct message). */
    public Scope scopeFor(String channelId) {
        Entry entry = channels.get(channelId);
        return entry == null ? defaultScope : entry.scope();
    }

    /** The access groups the admin granted {@code channelId} ({@code accessGroups}); empty when none. */
    public Set<String> grantsFor(String channelId) {
        Entry entry = channels.get(channelId);
        return entry == null ? Set.of() : entry.grants();
    }

    private static DocentException invalid(Path file, String problem) {
        return new DocentException.InvalidInput(
                "the scope file " + file + " (DOCENT_SCOPE_FILE) cannot be read: " + problem);
    }

    @JsonIgnoreProperties(ignoreUnknown = true) // other platforms' sections (teams) share the file
    private record FileForm(
            @JsonProperty("default") ScopeForm defaultScope,
            @JsonProperty("channels") Map<String, ScopeForm> channels) {
        @JsonCreator
        FileForm {
            channels = channels == null ? Map.of() : channels;
        }
    }

    private record ScopeForm(
            @JsonProperty("sources") Set<String> sources,
            @JsonProperty("spaces") Set<String> spaces,
            @JsonProperty("accessGroups") Set<String> accessGroups) {
        Scope scope() {
            return new Scope(sources, spaces, null);
        }

        Set<String> groups(Path file, String where) {
            if (accessGroups == null) {
                return Set.of();
            }
            for (String group : accessGroups) {
                if (group == null || group.isBlank()) {
                    throw invalid(file, where + ".accessGroups must hold non-empty group names");
                }
            }
            return Set.copyOf(accessGroups);
        }
    }
}
