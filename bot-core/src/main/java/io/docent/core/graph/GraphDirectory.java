package io.docent.core.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.Directory;
import io.docent.core.DocentException;
import io.docent.core.Identity;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Microsoft Graph as the {@link Directory}: a person's Entra groups, nested ones included, as {@code group:<object
 * id>}, the names the SharePoint reader writes.
 *
 * <p>A person is found by their Entra object id when the platform gave one from this tenant (Teams, the web chat's Easy
 * Auth), else by email as user principal name (Slack). One {@code GET /users/{id}} tells whether they exist and whether
 * Entra counts them as a guest ({@code userType}); a guest, like someone Graph does not know, is unknown here, so the
 * access policy gives them public documents only. Then {@code transitiveMemberOf/microsoft.graph.group}, 999 a page,
 * following {@code @odata.nextLink}: people in 1,000 and more groups are common in large tenants.
 *
 * <p>Needs the application permissions {@code User.Read.All} and {@code GroupMember.Read.All}, through azure-identity
 * (a managed identity in production). Throttling (429) and server errors are {@link DocentException.Retriable}: the
 * {@link io.docent.core.access.CachingDirectory} in front keeps cached groups while they last.
 */
public final class GraphDirectory implements Directory {

    public static final String DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0";
    private static final String SCOPE = "https://graph.microsoft.com/.default";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 100;

    private final URI baseUrl;
    private final TokenCredential credential;
    private final String tenantId;
    private final Set<String> everyone;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param baseUrl Graph's versioned root, {@link #DEFAULT_BASE_URL} in production
     * @param tenantId the organisation's Entra tenant id: object ids from another tenant are not looked up by id;
     *     {@code ""} when not configured
     * @param everyone groups every employee holds
     */
    public GraphDirectory(
            URI baseUrl, TokenCredential credential, String tenantId, Set<String> everyone, HttpClient http) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.tenantId = tenantId == null ? "" : tenantId;
        this.everyone = Set.copyOf(everyone);
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Duration.ofSeconds(10);
    }

    @Override
    public Optional<Set<String>> groupsOf(Identity person) {
        String key = userKey(person);
        if (key == null) {
            return Optional.empty();
        }
        String user = "/users/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode found = get(baseUrl + user + "?$select=id,userType");
        if (found == null || "Guest".equalsIgnoreCase(found.path("userType").asText(""))) {
            return Optional.empty();
        }
        Set<String> groups = new LinkedHashSet<>();
        String next = baseUrl + user + "/transitiveMemberOf/microsoft.graph.group?$select=id&$top=999";
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw new DocentException("Microsoft Graph listed more than " + MAX_PAGES + " pages of groups");
            }
            JsonNode body = get(next);
            if (body == null) {
                return Optional.empty(); // deleted between the two calls
            }
            for (JsonNode group : body.path("value")) {
                String id = group.path("id").asText("");
                if (!id.isBlank()) {
                    groups.add("group:" + id);
                }
            }
            next = body.hasNonNull("@odata.nextLink")
                    ? body.get("@odata.nextLink").asText()
                    : null;
        }
        return Optional.of(Set.copyOf(groups));
    }

    @Override
    public Set<String> everyone() {
        return everyone;
    }

    /** A next-page link, only on Graph's own host: Docent's token never goes anywhere else. */
    private String sameOrigin(String link) {
        URI uri = URI.create(link);
        if (!Objects.equals(uri.getScheme(), baseUrl.getScheme())
                || !Objects.equals(uri.getRawAuthority(), baseUrl.getRawAuthority())) {
            throw new DocentException("Microsoft Graph sent a next-page link to another host; not followed");
        }
        return link;
    }

    /** The object id for someone of this tenant, else the email; {@code null} when neither is known. */
    private String userKey(Identity person) {
        boolean sameTenant = tenantId.isEmpty() || tenantId.equalsIgnoreCase(person.tenantId());
        boolean objectId =
                person.platform().equals("teams") || person.platform().equals("web");
        if (objectId && sameTenant && person.userId().matches("[0-9a-fA-F-]{36}")) {
            return person.userId();
        }
        return person.email().isEmpty() ? null : person.email();
    }

    /** The JSON body, or {@code null} for 404 (nobody by that name). */
    private JsonNode get(String url) {
        String token = credential
                .getTokenSync(new TokenRequestContext().addScopes(SCOPE))
                .getToken();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("ConsistencyLevel", "eventual")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DocentException.Retriable("Microsoft Graph could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocentException.Retriable("interrupted while asking Microsoft Graph", e);
        }
        int status = response.statusCode();
        if (status == 404) {
            return null;
        }
        if (status == 429) {
            long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(10) * 1000;
            throw new DocentException.RateLimited("Microsoft Graph is throttling Docent", retryAfter, null);
        }
        if (status == 401 || status == 403) {
            throw new DocentException.AuthenticationFailed(
                    "Microsoft Graph refused Docent's token (HTTP " + status + "): the identity needs the application"
                            + " permissions User.Read.All and GroupMember.Read.All, with admin consent",
                    null);
        }
        if (status >= 500) {
            throw new DocentException.Retriable("Microsoft Graph failed (HTTP " + status + ")", null);
        }
        if (status != 200) {
            throw new DocentException("Microsoft Graph answered HTTP " + status + " to a directory lookup");
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new DocentException.Retriable("Microsoft Graph sent a body that is not JSON", e);
        }
    }
}
