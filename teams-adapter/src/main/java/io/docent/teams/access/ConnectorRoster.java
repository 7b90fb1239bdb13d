package io.docent.teams.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.AppCredentials;
import io.docent.core.DocentException;
import io.docent.teams.activity.ActivityJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Who is in a Teams conversation, from the Bot Connector at the conversation's service URL, with the bot's own
 * token: {@code GET v3/conversations/{id}/members/{userId}} for one person, {@code GET
 * v3/conversations/{id}/pagedmembers} for everyone (pages of {@value #PAGE_SIZE}, at most {@value #MAX_PAGES}).
 *
 * <p>Why the JDK's client and not the SDK's {@code ConnectorClient}: the SDK's calls run on its shared ForkJoin pool
 * and have no timeout of their own; here each call has one and runs on the caller's thread (an answer thread).
 * Redirects are never followed, so the bot's token only goes to the service URL the request was authenticated for.
 * Every failure is a {@link DocentException}; the caller decides what it means (fail closed).
 */
public final class ConnectorRoster {

    static final int PAGE_SIZE = 500;
    static final int MAX_PAGES = 100;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final AppCredentials credentials;
    private final HttpClient http;
    private final Duration timeout;

    public ConnectorRoster(AppCredentials credentials, Duration timeout) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One member of a conversation. */
    public TeamsMember member(String serviceUrl, String conversationId, String userId) {
        JsonNode body = get(serviceUrl, "v3/conversations/" + encode(conversationId) + "/members/" + encode(userId));
        if (!body.isObject()) {
            throw new DocentException("the Bot Connector's member is not a JSON object");
        }
        return TeamsMember.from(body);
    }

    /** Every member of a conversation (a channel's or a chat's), page by page. */
    public List<TeamsMember> members(String serviceUrl, String conversationId) {
        List<TeamsMember> members = new ArrayList<>();
        String continuation = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = "v3/conversations/" + encode(conversationId) + "/pagedmembers?pageSize=" + PAGE_SIZE
                    + (continuation == null ? "" : "&continuationToken=" + encode(continuation));
            JsonNode body = get(serviceUrl, path);
            JsonNode list = body.path("members");
            if (!list.isArray()) {
                throw new DocentException("the Bot Connector's pagedmembers has no members array");
            }
            list.forEach(node -> members.add(TeamsMember.from(node)));
            continuation = body.path("continuationToken").asText("");
            if (continuation.isEmpty()) {
                return members;
            }
        }
        throw new DocentException(
                "the conversation has more than " + (MAX_PAGES * PAGE_SIZE) + " members; not all were read");
    }

    private JsonNode get(String serviceUrl, String path) {
        URI uri;
        try {
            uri = URI.create(serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/")
                    .resolve(path);
        } catch (IllegalArgumentException e) {
            throw new DocentException("the service URL is not a URL");
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        String token = token();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DocentException.TimedOut(
                    "the Bot Connector did not answer: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocentException.TimedOut("interrupted while asking the Bot Connector", null);
        }
        if (response.statusCode() != 200) {
            throw new DocentException(
                    "the Bot Connector answered " + response.statusCode() + errorCode(response.body()));
        }
        try {
            return ActivityJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new DocentException("the Bot Connector's answer is not JSON");
        }
    }

    /** The bot's token, or {@code null} without an app id (the Emulator on localhost). */
    private String token() {
        if (credentials.getAppId() == null || credentials.getAppId().isBlank()) {
            return null;
        }
        try {
            return credentials.getToken().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocentException.TimedOut("interrupted while getting the bot's token", null);
        } catch (ExecutionException | TimeoutException e) {
            throw new DocentException.TimedOut(
                    "the bot's token could not be had: " + e.getClass().getSimpleName(), null);
        }
    }

    /** The error code of a Bot Connector error body ({@code {"error":{"code":..}}}), for the log. */
    private static String errorCode(byte[] body) {
        try {
            String code = ActivityJson.mapper()
                    .readTree(body)
                    .path("error")
                    .path("code")
                    .asText("");
            return code.isEmpty() ? "" : " (" + code + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
