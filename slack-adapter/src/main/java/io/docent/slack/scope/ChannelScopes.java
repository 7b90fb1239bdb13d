package io.docent.slack.scope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
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

/**
 * What each Slack channel may search, read from the scope file (documented in {@code docs/slack.md}):
 *
 * <pre>{@code
 * {
 *   "default":  { "sources": ["handbook"] },
 *   "channels": {
 *     "C0123ABCD": { "sources": ["confluence-eng"], "spaces": ["ENG", "OPS"] },
 *     "G0456EFGH": { "spaces": ["HR"] }
 *   }
 * }
 * }</pre>
 *
 * Channels are keyed by ID, not name: names change, IDs do not. {@code default} applies to channels not listed and
 * to direct messages; without it (or without a file) they search everything. An empty or missing list means "no
 * restriction" on that field. Unknown keys and channel names in place of IDs are refused at start-up, with the
 * file's path in the message, so a typo does not silently widen or narrow a scope.
 */
public final class ChannelScopes {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");

    private final Scope defaultScope;
    private final Map<String, Scope> channels;

    public ChannelScopes(Scope defaultScope, Map<String, Scope> channels) {
        this.defaultScope = defaultScope == null ? Scope.ALL : defaultScope;
        this.channels = Map.copyOf(channels);
    }

    /** Everything, everywhere: what Docent does without a scope file. */
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
            form = JSON.readValue(file.toFile(), FileForm.class);
        } catch (IOException e) {
            throw new DocentException.InvalidInput("the scope file " + file + " (DOCENT_SCOPE_FILE) cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (form == null) {
            return unrestricted();
        }
        Map<String, Scope> channels = new LinkedHashMap<>();
        for (var entry : form.channels().entrySet()) {
            if (!CHANNEL_ID.matcher(entry.getKey()).matches()) {
                throw new DocentException.InvalidInput("the scope file " + file + " lists \"" + entry.getKey()
                        + "\", which is not a channel ID (like C0123ABCD): use IDs, not names");
            }
            channels.put(
                    entry.getKey(),
                    entry.getValue() == null ? Scope.ALL : entry.getValue().scope());
        }
        return new ChannelScopes(
                form.defaultScope() == null ? Scope.ALL : form.defaultScope().scope(), channels);
    }

    /** The scope of {@code channelId}: its own, or the default (always the default for a direct message). */
    public Scope scopeFor(String channelId) {
        return channels.getOrDefault(channelId, defaultScope);
    }

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
            @JsonProperty("spaces") Set<String> spaces) {
        Scope scope() {
            return new Scope(sources, spaces, null);
        }
    }
}
