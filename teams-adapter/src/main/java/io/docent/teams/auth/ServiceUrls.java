package io.docent.teams.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The hosts Microsoft's Bot Framework and Teams services call from and expect replies at (commercial, GCC, GCC
 * High, DoD). Used only where a token does not name the service URL itself, so that the bot never sends its own
 * token to a host that a caller chose.
 */
final class ServiceUrls {

    private static final List<String> HOSTS = List.of(
            "smba.trafficmanager.net",
            "smba.infra.gcc.teams.microsoft.com",
            "smba.infra.gov.teams.microsoft.us",
            "smba.infra.dod.teams.microsoft.us");
    private static final List<String> DOMAINS = List.of(".botframework.com", ".botframework.azure.us");

    private ServiceUrls() {}

    static boolean isBotFrameworkService(String serviceUrl) {
        try {
            URI uri = new URI(serviceUrl);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                return false;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return HOSTS.contains(host) || DOMAINS.stream().anyMatch(host::endsWith);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
