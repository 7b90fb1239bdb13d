package io.docent.core.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import io.docent.core.DocentException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns what the Azure SDKs throw into {@link DocentException}s whose messages name the service, say what went
 * wrong and how to fix it. Messages never contain a secret: the SDKs put keys in headers, which are not part of
 * their exception messages, and nothing here adds one.
 */
final class AzureFailures {

    private static final int MAX_DETAIL = 400;

    private AzureFailures() {}

    /**
     * @param service what was called, for the message ({@code "Azure AI Search at https://x.search.windows.net"})
     * @param action what Docent was doing ({@code "search the index 'docent'"})
     * @param credentialHint how to fix refused credentials ({@code "check AZURE_SEARCH_API_KEY, or ..."})
     */
    static DocentException translate(String service, String action, String credentialHint, RuntimeException e) {
        if (e instanceof DocentException docent) {
            return docent;
        }
        String what = "Could not " + action + " (" + service + ")";
        if (e instanceof HttpResponseException http && http.getResponse() != null) {
            int status = http.getResponse().getStatusCode();
            String detail = detail(http);
            return switch (status) {
                case 401, 403 ->
                    new DocentException.AuthenticationFailed(
                            what + ": the credentials were refused (HTTP " + status + "). " + credentialHint, e);
                case 429 -> {
                    Duration wait = Retrier.retryAfter(e, Clock.systemUTC());
                    yield new DocentException.RateLimited(
                            what + ": rate limited (HTTP 429)" + (wait == null ? "" : ", retry after " + wait),
                            wait == null ? -1 : wait.toMillis(),
                            e);
                }
                case 408, 500, 502, 503, 504 ->
                    new DocentException.Retriable(
                            what + ": the service is busy or unavailable (HTTP " + status + "); try again later."
                                    + detail,
                            e);
                case 400, 413, 422 ->
                    new DocentException.InvalidInput(
                            what + ": the request was refused (HTTP " + status + ")." + detail);
                default -> new DocentException(what + ": HTTP " + status + "." + detail, e);
            };
        }
        if (e instanceof ClientAuthenticationException) {
            // no HTTP response: Entra ID could not produce a token (no managed identity, no developer sign-in)
            return new DocentException.AuthenticationFailed(
                    what + ": no Entra ID token could be obtained (" + firstLine(e.getMessage()) + "). "
                            + credentialHint,
                    e);
        }
        if (Retrier.isTimeout(e)) {
            return new DocentException.TimedOut(what + ": no answer in time. The service may be overloaded.", e);
        }
        if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("HTTPS")) {
            return new DocentException(what + ": credentials are only sent over https; use an https:// endpoint.", e);
        }
        IOException io = causeOf(e, IOException.class);
        if (io != null) {
            return new DocentException.Retriable(
                    what + ": cannot reach the service (" + io + "). Check the endpoint, DNS, the network and any"
                            + " firewall or private endpoint rules.",
                    e);
        }
        return new DocentException(what + ": " + e, e);
    }

    /** The service's own explanation, shortened, or {@code ""}. */
    static String detail(HttpResponseException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "";
        }
        String flat = message.replaceAll("\\s+", " ").strip();
        return " Service said: " + (flat.length() > MAX_DETAIL ? flat.substring(0, MAX_DETAIL) + "..." : flat);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line;
    }

    static int status(Throwable e) {
        return e instanceof HttpResponseException http && http.getResponse() != null
                ? http.getResponse().getStatusCode()
                : -1;
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
