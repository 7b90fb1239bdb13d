package io.docent.app;

import com.azure.identity.DefaultAzureCredentialBuilder;
import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.core.Directory;
import io.docent.core.DocentException;
import io.docent.core.access.CachingDirectory;
import io.docent.core.access.DirectoryFile;
import io.docent.core.graph.GraphDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link Directory} the settings ask for, behind a cache:
 *
 * <ul>
 *   <li>{@code DOCENT_DIRECTORY_FILE}: the directory file (the default way; see docs/permissions.md);
 *   <li>{@code DOCENT_DIRECTORY=graph}: Microsoft Graph, with azure-identity's default credential (a managed identity
 *       in Azure), the tenant from {@code DOCENT_GRAPH_TENANT_ID} or {@code MicrosoftAppTenantId}, and the groups every
 *       employee holds from {@code DOCENT_EVERYONE_GROUPS} (comma-separated);
 *   <li>neither: nobody is known, and everyone but administrators sees public documents only.
 * </ul>
 *
 * {@code DOCENT_DIRECTORY_TTL_MINUTES} (default 60) is how long groups are kept while the backend cannot be asked.
 */
public final class Directories {

    private Directories() {}

    public static Directory fromSettings(Settings settings) {
        Optional<String> file = settings.get("DOCENT_DIRECTORY_FILE");
        String kind = settings.get("DOCENT_DIRECTORY", file.isPresent() ? "file" : "none");
        Duration ttl = Duration.ofMinutes(settings.getInt("DOCENT_DIRECTORY_TTL_MINUTES", 60, 6, 24 * 60));
        Duration refresh = ttl.dividedBy(6);
        return switch (kind) {
            case "none" -> Directory.NOBODY;
            case "file" -> {
                if (file.isEmpty()) {
                    throw new ConfigException("DOCENT_DIRECTORY=file needs DOCENT_DIRECTORY_FILE");
                }
                try {
                    yield new CachingDirectory(
                            new DirectoryFile(Path.of(file.get())),
                            ttl,
                            refresh,
                            com.github.benmanes.caffeine.cache.Ticker.systemTicker());
                } catch (DocentException e) {
                    throw new ConfigException("DOCENT_DIRECTORY_FILE: " + e.getMessage());
                }
            }
            case "graph" -> {
                if (file.isPresent()) {
                    throw new ConfigException(
                            "DOCENT_DIRECTORY=graph and DOCENT_DIRECTORY_FILE are both set; choose one");
                }
                yield new CachingDirectory(
                        graph(settings), ttl, refresh, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
            }
            default -> throw new ConfigException("DOCENT_DIRECTORY must be file, graph or none");
        };
    }

    /** The Graph directory the settings describe (also what {@code docent doctor} checks). */
    public static GraphDirectory graph(Settings settings) {
        String tenant = settings.get("DOCENT_GRAPH_TENANT_ID", settings.get("MicrosoftAppTenantId", ""));
        Set<String> everyone = Arrays.stream(
                        settings.get("DOCENT_EVERYONE_GROUPS", "").split(","))
                .map(String::strip)
                .filter(g -> !g.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        URI base;
        try {
            base = URI.create(settings.get("DOCENT_GRAPH_URL", GraphDirectory.DEFAULT_BASE_URL));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DOCENT_GRAPH_URL is not a URL");
        }
        return new GraphDirectory(
                base,
                new DefaultAzureCredentialBuilder().build(),
                tenant,
                everyone,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }
}
