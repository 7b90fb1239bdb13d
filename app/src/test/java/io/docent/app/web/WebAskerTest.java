package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import io.docent.core.Asker;
import io.docent.core.Audience;
import io.docent.core.Identity;
import io.docent.core.Question;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * As whom the web chat asks: the operator on the service's own machine, nobody in particular behind the shared key,
 * the signed-in person behind Easy Auth; and the page and the answer say so. Real server on 127.0.0.1; whether the
 * client counts as local is injected.
 */
class WebAskerTest {

    static final String SECRET = "correct-horse-battery-staple-42";
    static final String TENANT = EasyAuthPrincipalTest.TENANT;

    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicBoolean local = new AtomicBoolean(false);
    private final List<Question> asked = new CopyOnWriteArrayList<>();
    private DocentServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "DOCENT_WEB_SECRET", SECRET, "DOCENT_WEB_TRUST_EASY_AUTH", "true", "DOCENT_WEB_TENANT_ID", TENANT));
        settings.putAll(extra);
        Predicate<InetSocketAddress> isLocal = a -> local.get();
        server = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(settings), isLocal, Clock.systemUTC()).mount(server, q -> {
            asked.add(q);
            return WebChatTest.sampleAnswer(q);
        });
        server.start();
    }

    private HttpResponse<String> chat(String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"vpn\"}"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> page(String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ChatJson.MAPPER.readTree(response.body());
    }

    private String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void on_the_services_own_machine_it_asks_as_administrator_and_says_so() throws Exception {
        local.set(true);
        start(Map.of());

        JsonNode answer = json(chat());
        String html = page().body();

        assertThat(asked).singleElement().extracting(Question::asker).isEqualTo(Asker.ADMINISTRATOR);
        assertThat(answer.path("asker").asText()).isEqualTo("administrator");
        assertThat(answer.path("access").asText()).contains("all documents, permissions not applied");
        assertThat(html).contains("Operator view: all documents, permissions not applied");
    }

    @Test
    void behind_the_shared_key_it_asks_as_nobody_in_particular_and_says_public_documents_only() throws Exception {
        start(Map.of());

        JsonNode answer = json(chat("Authorization", "Bearer " + SECRET));

        assertThat(asked).singleElement().extracting(Question::asker).isEqualTo(Asker.ANONYMOUS);
        assertThat(answer.path("asker").asText()).isEqualTo("anonymous");
        assertThat(answer.path("access").asText()).contains("public documents only");
    }

    @Test
    void behind_easy_auth_it_asks_as_the_signed_in_person_privately() throws Exception {
        start(Map.of());
        String alice = EasyAuthPrincipalTest.principal(
                EasyAuthPrincipalTest.member(EasyAuthPrincipalTest.ALICE_OID, "alice@example.com"));

        JsonNode answer = json(chat(
                EasyAuthPrincipal.PRINCIPAL,
                alice,
                EasyAuthPrincipal.PRINCIPAL_NAME,
                "alice@example.com",
                "Origin",
                origin()));
        String html = page(EasyAuthPrincipal.PRINCIPAL, alice).body();

        assertThat(asked)
                .singleElement()
                .extracting(Question::asker)
                .isEqualTo(new Asker(
                        new Identity(
                                "web",
                                EasyAuthPrincipalTest.ALICE_OID,
                                TENANT,
                                "alice@example.com",
                                Identity.Standing.MEMBER),
                        Audience.PRIVATE));
        assertThat(answer.path("asker").asText()).isEqualTo("member");
        assertThat(html).contains(AccessNotice.MEMBER).doesNotContain("alice@example.com");
    }

    @Test
    void an_easy_auth_principal_that_does_not_parse_is_public_only_never_an_error_page() throws Exception {
        local.set(true); // even on this machine: the principal header came, so the platform is in front
        start(Map.of());

        JsonNode answer = json(chat(EasyAuthPrincipal.PRINCIPAL, "bm90IGpzb24=", "Origin", origin()));
        var html = page(EasyAuthPrincipal.PRINCIPAL, "!!!");

        assertThat(asked).singleElement().extracting(Question::asker).isEqualTo(Asker.ANONYMOUS);
        assertThat(answer.path("asker").asText()).isEqualTo("anonymous");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains(AccessNotice.UNREADABLE_SIGN_IN);
    }

    @Test
    void a_body_cannot_choose_who_asks() throws Exception {
        start(Map.of());

        var request = HttpRequest.newBuilder(URI.create(origin() + "/api/chat"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"question\":\"vpn\",\"asker\":\"administrator\",\"email\":\"alice@example.com\"}"))
                .build();
        client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(asked).singleElement().extracting(Question::asker).isEqualTo(Asker.ANONYMOUS);
    }

    @Test
    void trusting_easy_auth_needs_the_tenant_whose_people_are_members() {
        assertThatThrownBy(() -> WebChat.from(Settings.of(Map.of("DOCENT_WEB_TRUST_EASY_AUTH", "true"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_WEB_TENANT_ID");
        WebChat.from(Settings.of(Map.of("DOCENT_WEB_TRUST_EASY_AUTH", "true", "MicrosoftAppTenantId", TENANT)));
    }
}
