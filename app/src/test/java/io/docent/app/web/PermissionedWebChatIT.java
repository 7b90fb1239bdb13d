package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.app.DocentStack;
import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import io.docent.core.AccessGroups;
import io.docent.core.Chunk;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web chat on the real stack ({@link DocentStack}: a Lucene index, the bundled model, the extractive answerer,
 * the directory file from {@code DOCENT_DIRECTORY_FILE}): a salary page restricted to {@code group:hr}, which Alice
 * holds and Bob does not, beside a public lunch page. Asked over HTTP with the shared key, as Easy Auth principals and
 * from this machine; nothing of the salary page may reach the JSON of someone who may not read it (text, citations,
 * evidence, closest sources). Whether the client is local is injected; everything else is real.
 */
class PermissionedWebChatIT {

    static final String SECRET = "correct-horse-battery-staple-42";
    static final String TENANT = EasyAuthPrincipalTest.TENANT;
    static final String SALARY_FIGURE = "EUR 84,000";
    static final String SALARY_QUESTION = "What is the salary band for a senior engineer?";
    /** What of the salary page may never show for someone outside group:hr. */
    static final List<String> SALARY_MARKS = List.of(
            SALARY_FIGURE, "98,000", "Engineering salary bands", "wiki.example/salary", "compensation committee");

    @TempDir
    static Path home;

    static DocentStack stack;
    static DocentServer server;
    static final AtomicBoolean local = new AtomicBoolean(false);
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path directory = Files.writeString(home.resolve("directory.json"), """
                {"people": [{"email": "alice@example.com", "groups": ["group:hr"]},
                            {"email": "bob@example.com", "groups": ["group:sales"]}],
                 "everyone": []}""");
        Settings settings = Settings.of(Map.of(
                "DOCENT_HOME",
                home.toString(),
                "DOCENT_DIRECTORY_FILE",
                directory.toString(),
                "DOCENT_WEB_SECRET",
                SECRET,
                "DOCENT_WEB_TRUST_EASY_AUTH",
                "true",
                "DOCENT_WEB_TENANT_ID",
                TENANT));
        stack = DocentStack.open(settings, null);
        add(
                "salary",
                "Engineering salary bands",
                Set.of("group:hr"),
                "The salary band for a senior engineer is " + SALARY_FIGURE + " to EUR 98,000 per year, reviewed"
                        + " every April by the compensation committee.");
        add(
                "lunch",
                "Lunch and canteen",
                Set.of(AccessGroups.PUBLIC),
                "The canteen on the second floor serves lunch from 12:00 to 14:00, with a vegetarian dish every day.");
        stack.index().commit();
        Predicate<InetSocketAddress> isLocal = a -> local.get();
        server = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(settings, isLocal, Clock.systemUTC()).mount(server, stack.pipeline());
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void notLocal() {
        local.set(false);
    }

    static void add(String id, String title, Set<String> groups, String text) {
        var chunk = new Chunk(
                id + "#0",
                id,
                "wiki",
                "HR",
                title,
                "https://wiki.example/" + id,
                "",
                text,
                0,
                "hash-" + id,
                null,
                groups,
                null);
        stack.index()
                .replaceDocument(
                        id,
                        List.of(chunk.withEmbedding(stack.embedder()
                                .embedPassages(List.of(chunk.textForEmbedding()))
                                .getFirst())));
    }

    HttpResponse<String> ask(String question, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/chat"))
                .header("Content-Type", "application/json")
                .header("Origin", "http://127.0.0.1:" + server.port())
                .POST(HttpRequest.BodyPublishers.ofString(ChatJson.MAPPER
                        .createObjectNode()
                        .put("question", question)
                        .toString()));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return ChatJson.MAPPER.readTree(response.body());
    }

    static String[] easyAuth(String oid, String upn, boolean guest) {
        var claims = EasyAuthPrincipalTest.member(oid, upn);
        if (guest) {
            claims.put("acct", "1");
        }
        return new String[] {
            EasyAuthPrincipal.PRINCIPAL, EasyAuthPrincipalTest.principal(claims),
            EasyAuthPrincipal.PRINCIPAL_ID, oid,
            EasyAuthPrincipal.PRINCIPAL_NAME, upn
        };
    }

    /** The whole JSON body, so that text, citations, evidence and closest sources are all looked at. */
    static void assertNothingOfTheSalaryPage(HttpResponse<String> response) {
        for (String mark : SALARY_MARKS) {
            assertThat(response.body())
                    .as("the answer must not carry '%s'", mark)
                    .doesNotContain(mark);
        }
    }

    @Test
    void with_the_shared_key_nothing_of_the_restricted_page_reaches_the_json_but_public_pages_answer()
            throws Exception {
        String[] bearer = {"Authorization", "Bearer " + SECRET};

        var salary = ask(SALARY_QUESTION, bearer);
        var committee = ask("Who reviews the pay bands every April?", bearer);
        var lunch = ask("When does the canteen serve lunch?", bearer);

        assertNothingOfTheSalaryPage(salary);
        assertNothingOfTheSalaryPage(committee);
        assertThat(json(salary).path("asker").asText()).isEqualTo("anonymous");
        assertThat(json(lunch).path("status").asText()).isEqualTo("ANSWERED");
        assertThat(json(lunch).path("text").asText()).contains("12:00");
        assertThat(json(lunch).path("citations").get(0).path("url").asText()).isEqualTo("https://wiki.example/lunch");
    }

    @Test
    void alice_signed_in_through_easy_auth_is_answered_from_the_salary_page_with_its_citation() throws Exception {
        JsonNode answer = json(ask(SALARY_QUESTION, easyAuth("oid-alice", "alice@example.com", false)));

        assertThat(answer.path("asker").asText()).isEqualTo("member");
        assertThat(answer.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(answer.path("text").asText()).contains(SALARY_FIGURE);
        assertThat(answer.path("citations").findValuesAsText("url")).contains("https://wiki.example/salary");
    }

    @Test
    void bob_a_guest_with_alices_email_and_an_unreadable_principal_never_see_the_salary_page() throws Exception {
        var bob = ask(SALARY_QUESTION, easyAuth("oid-bob", "bob@example.com", false));
        var guest = ask(SALARY_QUESTION, easyAuth("oid-guest", "alice@example.com", true));
        var unreadable = ask(SALARY_QUESTION, EasyAuthPrincipal.PRINCIPAL, "not-base64-json");
        var unreadableLunch = ask("When does the canteen serve lunch?", EasyAuthPrincipal.PRINCIPAL, "e30=");

        assertThat(json(bob).path("asker").asText()).isEqualTo("member");
        assertNothingOfTheSalaryPage(bob);
        assertThat(json(guest).path("asker").asText()).isEqualTo("guest");
        assertNothingOfTheSalaryPage(guest);
        assertThat(json(unreadable).path("asker").asText()).isEqualTo("anonymous");
        assertNothingOfTheSalaryPage(unreadable);
        assertThat(json(unreadableLunch).path("text").asText()).contains("12:00");
    }

    @Test
    void on_this_machine_the_operator_sees_the_salary_page_and_the_json_says_administrator() throws Exception {
        local.set(true);

        JsonNode answer = json(ask(SALARY_QUESTION));

        assertThat(answer.path("asker").asText()).isEqualTo("administrator");
        assertThat(answer.path("access").asText()).contains("permissions not applied");
        assertThat(answer.path("text").asText()).contains(SALARY_FIGURE);
        // the question the shared key asks above does reach the salary page when access is not checked
        assertThat(ask("Who reviews the pay bands every April?").body()).contains("compensation committee");
    }
}
