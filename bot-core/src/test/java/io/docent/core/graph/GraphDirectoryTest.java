package io.docent.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.docent.core.DocentException;
import io.docent.core.Identity;
import io.docent.core.doctor.Finding;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * {@link GraphDirectory} against a local server that answers as Microsoft Graph v1.0 documents {@code GET /users/{id}}
 * and {@code transitiveMemberOf/microsoft.graph.group} (paged with {@code @odata.nextLink}, 404 with an error body for
 * someone unknown, 429 with {@code Retry-After} when throttling).
 */
class GraphDirectoryTest {

    private static final String ALICE_OID = "6f1c2a4e-1111-4d3b-9e0a-0123456789ab";
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> userTypes = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private GraphDirectory directory;

    @BeforeEach
    void start() throws IOException {
        userTypes.put(ALICE_OID, "Member");
        userTypes.put("alice@example.com", "Member");
        userTypes.put("guest@partner.example", "Guest");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1.0/users/", this::handle);
        server.start();
        TokenCredential credential = request ->
                Mono.just(new AccessToken("token-123", OffsetDateTime.now().plusHours(1)));
        directory = new GraphDirectory(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0"),
                credential,
                TENANT,
                Set.of("all-staff"),
                HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void reads_every_page_of_nested_groups_by_object_id_for_someone_of_the_tenant() {
        var alice = new Identity("teams", ALICE_OID, TENANT, "alice@example.com", Identity.Standing.MEMBER);

        var groups = directory.groupsOf(alice);

        assertThat(groups).hasValueSatisfying(g -> assertThat(g)
                .hasSize(1_500)
                .contains("group:00000000-0000-0000-0000-000000000000", "group:00000000-0000-0000-0000-000000001499"));
        assertThat(requests).first().asString().startsWith("/v1.0/users/" + ALICE_OID + "?");
        assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r).contains("Bearer token-123"));
        assertThat(directory.everyone()).containsExactly("all-staff");
    }

    @Test
    void finds_a_slack_user_by_email_and_never_by_another_tenants_object_id() {
        directory.groupsOf(Identity.member("slack", "U123", "T1", "Alice@Example.com"));
        directory.groupsOf(
                new Identity("teams", ALICE_OID, "other-tenant", "alice@example.com", Identity.Standing.MEMBER));

        assertThat(requests).hasSize(6).allSatisfy(r -> assertThat(r.replace("%40", "@"))
                .startsWith("/v1.0/users/alice@example.com"));
    }

    @Test
    void someone_graph_does_not_know_and_an_entra_guest_are_unknown() {
        assertThat(directory.groupsOf(Identity.member("slack", "U9", "T1", "nobody@example.com")))
                .isEmpty();
        assertThat(directory.groupsOf(Identity.member("slack", "U8", "T1", "guest@partner.example")))
                .isEmpty();
        assertThat(directory.groupsOf(Identity.member("slack", "U7", "T1", ""))).isEmpty();
    }

    @Test
    void throttling_and_refused_tokens_are_errors_the_cache_and_the_doctor_understand() {
        status = 429;
        var alice = Identity.member("slack", "U1", "T1", "alice@example.com");
        assertThatThrownBy(() -> directory.groupsOf(alice))
                .isInstanceOf(DocentException.RateLimited.class)
                .satisfies(e -> assertThat(((DocentException.RateLimited) e).retryAfterMillis())
                        .isEqualTo(7_000));

        status = 403;
        assertThatThrownBy(() -> directory.groupsOf(alice)).isInstanceOf(DocentException.AuthenticationFailed.class);
        assertThat(new GraphDirectoryCheck(directory, "alice@example.com").run())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Finding.Severity.PROBLEM);
                    assertThat(f.fix()).contains("GroupMember.Read.All");
                });

        status = 200;
        assertThat(new GraphDirectoryCheck(directory, "alice@example.com").run())
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.OK));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath() + "?"
                + exchange.getRequestURI().getRawQuery();
        requests.add(target + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "7");
            respond(exchange, 429, error("TooManyRequests"));
            return;
        }
        if (status != 200) {
            respond(exchange, status, error("Authorization_RequestDenied"));
            return;
        }
        String[] parts = exchange.getRequestURI()
                .getPath()
                .substring("/v1.0/users/".length())
                .split("/", 2);
        String user = parts[0];
        String type = userTypes.get(user);
        if (type == null) {
            respond(exchange, 404, error("Request_ResourceNotFound"));
            return;
        }
        if (parts.length == 1) {
            respond(exchange, 200, "{\"id\":\"" + ALICE_OID + "\",\"userType\":\"" + type + "\"}");
            return;
        }
        String skip = exchange.getRequestURI().getQuery().contains("$skiptoken=") ? "999" : "0";
        int from = Integer.parseInt(skip);
        int to = Math.min(from + 999, 1_500);
        String values = IntStream.range(from, to)
                .mapToObj(i -> String.format(
                        "{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"00000000-0000-0000-0000-%012d\"}", i))
                .collect(Collectors.joining(","));
        String next = to < 1_500
                ? ",\"@odata.nextLink\":\"http://127.0.0.1:"
                        + server.getAddress().getPort() + "/v1.0/users/" + user
                        + "/transitiveMemberOf/microsoft.graph.group?$select=id&$top=999&$skiptoken=X999\""
                : "";
        respond(
                exchange,
                200,
                "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#groups(id)\",\"value\":[" + values
                        + "]" + next + "}");
    }

    private static String error(String code) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + code + "\"}}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
