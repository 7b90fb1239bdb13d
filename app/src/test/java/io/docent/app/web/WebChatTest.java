package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.Answerer;
import io.docent.core.Chunk;
import io.docent.core.Citation;
import io.docent.core.Question;
import io.docent.core.SearchHit;
import io.docent.core.Turn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web chat's HTTP behaviour on a real server on 127.0.0.1, with a stub answerer (the web layer is tested). */
class WebChatTest {

    static final String HOSTILE = "<script>alert(1)</script> \"quoted\" & </p>";

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Question> asked = new CopyOnWriteArrayList<>();
    private DocentServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Answer sampleAnswer(Question question) {
        var chunk = new Chunk(
                "vpn#0",
                "vpn",
                "handbook",
                "IT",
                "VPN " + HOSTILE,
                "https://wiki.example/vpn",
                "Service Desk > Access > VPN",
                "Request VPN access in the portal. " + HOSTILE,
                0,
                "h",
                null,
                null,
                null);
        Map<String, Duration> timings = new LinkedHashMap<>();
        timings.put("retrieve", Duration.ofMillis(12));
        timings.put("generate", Duration.ofMillis(3));
        return new Answer(
                "Use the portal [1]. You asked: " + question.text(),
                List.of(new Citation(1, "VPN " + HOSTILE, "https://wiki.example/vpn", "Request VPN access")),
                Answer.Status.ANSWERED,
                "vpn access " + question.history().size(),
                List.of(new SearchHit(chunk, 0.0327, 1, 2, 0.81)),
                timings);
    }

    private DocentServer start(Map<String, String> settings) {
        server = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(settings)).mount(server, q -> {
            asked.add(q);
            return sampleAnswer(q);
        });
        return server.start();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post("/api/chat", body);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return ChatJson.MAPPER.readTree(response.body());
    }

    @Test
    void a_question_with_history_gets_the_answer_with_citations_evidence_and_timings() throws Exception {
        start(Map.of());

        var response = post("{\"question\":\"  and for contractors?  \",\"history\":["
                + "{\"role\":\"user\",\"text\":\"How do I get VPN access?\"},"
                + "{\"role\":\"assistant\",\"text\":\"Use the portal [1].\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(asked).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("and for contractors?");
            assertThat(q.history())
                    .containsExactly(Turn.user("How do I get VPN access?"), Turn.assistant("Use the portal [1]."));
        });
        JsonNode body = json(response);
        assertThat(body.path("text").asText()).isEqualTo("Use the portal [1]. You asked: and for contractors?");
        assertThat(body.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(body.path("standaloneQuery").asText()).isEqualTo("vpn access 2");
        assertThat(body.path("inHistory").asBoolean()).isTrue();
        JsonNode citation = body.path("citations").get(0);
        assertThat(citation.path("n").asInt()).isEqualTo(1);
        assertThat(citation.path("title").asText()).isEqualTo("VPN " + HOSTILE);
        assertThat(citation.path("url").asText()).isEqualTo("https://wiki.example/vpn");
        JsonNode hit = body.path("evidence").get(0);
        assertThat(hit.path("score").asDouble()).isEqualTo(0.0327);
        assertThat(hit.path("similarity").asDouble()).isEqualTo(0.81);
        assertThat(hit.path("keywordRank").asInt()).isEqualTo(1);
        assertThat(hit.path("vectorRank").asInt()).isEqualTo(2);
        assertThat(hit.path("breadcrumb").asText()).isEqualTo("Service Desk > Access > VPN");
        assertThat(hit.path("text").asText()).endsWith(HOSTILE);
        assertThat(body.path("timings").path("retrieve").asDouble()).isEqualTo(12.0);
        assertThat(body.path("timings").path("generate").asDouble()).isEqualTo(3.0);
    }

    @Test
    void retrieved_markup_is_sent_as_json_string_data_only() throws Exception {
        start(Map.of());

        var response = post("{\"question\":\"vpn\"}");

        // the raw markup is inside JSON strings (quotes escaped), and the response is not something a browser renders
        assertThat(response.body()).contains("<script>alert(1)</script> \\\"quoted\\\"");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void a_throwing_answerer_becomes_an_honest_failed_json_answer() throws Exception {
        server = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(Map.of())).mount(server, q -> {
            throw new IllegalStateException("secret internals at line 42");
        });
        server.start();

        var response = post("{\"question\":\"vpn\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("status").asText()).isEqualTo("FAILED");
        assertThat(body.path("inHistory").asBoolean()).isFalse();
        assertThat(body.path("text").asText()).contains("something went wrong");
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("Exception");
    }

    @Test
    void the_stream_sends_the_text_as_it_is_written_then_the_same_answer_as_the_json_api() throws Exception {
        server = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(Map.of())).mount(server, new Answerer() {
            @Override
            public Answer answer(Question question) {
                return sampleAnswer(question);
            }

            @Override
            public Answer answer(Question question, AnswerProgress progress) {
                progress.written("Use the **portal** <b>now</b>");
                return sampleAnswer(question);
            }
        });
        server.start();

        var response = post("/api/chat/stream", "{\"question\":\"vpn\"}");
        JsonNode whole = json(post("{\"question\":\"vpn\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        List<Map.Entry<String, JsonNode>> events = events(response.body());
        assertThat(events).extracting(Map.Entry::getKey).containsExactly("text", "answer");
        JsonNode text = events.getFirst().getValue();
        assertThat(text.path("text").asText()).isEqualTo("Use the **portal** <b>now</b>");
        assertThat(text.path("html").asText())
                .isEqualTo("<p>Use the <strong>portal</strong> &lt;b&gt;now&lt;/b&gt;</p>\n");
        JsonNode streamed = events.getLast().getValue();
        // each answer is remembered for votes under an id of its own; everything else is the same
        assertThat(streamed.path("answerId").asText())
                .matches("w-[0-9a-f]{32}")
                .isNotEqualTo(whole.path("answerId").asText());
        JsonNode streamedRest = ((ObjectNode) streamed.deepCopy()).without("answerId");
        JsonNode wholeRest = ((ObjectNode) whole.deepCopy()).without("answerId");
        assertThat(streamedRest).isEqualTo(wholeRest);
        assertThat(whole.path("html").asText()).startsWith("<p>Use the portal [1]. You asked: vpn</p>");
        assertThat(whole.path("citations").get(0).path("snippet").asText()).isEqualTo("Request VPN access");
    }

    @Test
    void texts_written_in_quick_succession_are_sent_at_most_ten_a_second_and_the_answer_carries_all() throws Exception {
        AtomicLong nanos = new AtomicLong();
        server = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(Map.of()), WebAccess::isLoopback, Clock.systemUTC(), nanos::get)
                .mount(server, new Answerer() {
                    @Override
                    public Answer answer(Question question) {
                        return sampleAnswer(question);
                    }

                    @Override
                    public Answer answer(Question question, AnswerProgress progress) {
                        progress.written("Use");
                        progress.written("Use the"); // within 100 ms of the first: not sent
                        nanos.addAndGet(Duration.ofMillis(100).toNanos());
                        progress.written("Use the portal");
                        progress.written("Use the portal [1]"); // not sent either
                        return sampleAnswer(question);
                    }
                });
        server.start();

        var events = events(post("/api/chat/stream", "{\"question\":\"vpn\"}").body());

        assertThat(events)
                .extracting(e -> e.getKey() + ": " + e.getValue().path("text").asText())
                .containsExactly("text: Use", "text: Use the portal", "answer: Use the portal [1]. You asked: vpn");
    }

    @Test
    void a_throwing_answerer_ends_the_stream_with_an_honest_failed_answer() throws Exception {
        server = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(Map.of())).mount(server, q -> {
            throw new IllegalStateException("secret internals at line 42");
        });
        server.start();

        var response = post("/api/chat/stream", "{\"question\":\"vpn\"}");

        List<Map.Entry<String, JsonNode>> events = events(response.body());
        assertThat(events).extracting(Map.Entry::getKey).containsExactly("answer");
        assertThat(events.getFirst().getValue().path("status").asText()).isEqualTo("FAILED");
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("Exception");
    }

    @Test
    void a_bad_request_to_the_stream_is_the_same_json_error_before_any_event() throws Exception {
        start(Map.of());

        var response = post("/api/chat/stream", "{\"question\":\"\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).contains("\"question\" is empty");
        assertThat(asked).isEmpty();
    }

    /** The server-sent events of {@code body}, as (event, data) in order. */
    static List<Map.Entry<String, JsonNode>> events(String body) throws Exception {
        List<Map.Entry<String, JsonNode>> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String[] lines = block.split("\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).startsWith("event: ");
            assertThat(lines[1]).startsWith("data: ");
            events.add(Map.entry(lines[0].substring(7), ChatJson.MAPPER.readTree(lines[1].substring(6))));
        }
        return events;
    }

    @Test
    void wrong_method_is_405_with_allow() throws Exception {
        start(Map.of());

        var response = get("/api/chat");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(response).path("error").asText()).contains("GET is not allowed");
    }

    @Test
    void bad_requests_get_400_with_a_clear_json_error_and_never_reach_the_answerer() throws Exception {
        start(Map.of("DOCENT_WEB_MAX_QUESTION_CHARS", "50", "DOCENT_WEB_MAX_HISTORY_TURNS", "2"));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{not json", "not valid JSON");
        cases.put("", "the body is empty");
        cases.put("[1,2]", "must be a JSON object");
        cases.put("{}", "\"question\" is missing");
        cases.put("{\"question\":42}", "\"question\" is missing or not a string");
        cases.put("{\"question\":\"   \"}", "\"question\" is empty");
        cases.put("{\"question\":\"" + "x".repeat(51) + "\"}", "longer than 50 characters");
        cases.put("{\"question\":\"q\",\"history\":\"hi\"}", "\"history\" must be an array");
        cases.put("{\"question\":\"q\",\"history\":[{},{},{}]}", "more than 2 turns");
        cases.put("{\"question\":\"q\",\"history\":[{\"role\":\"user\"}]}", "history[0] must be");
        cases.put("{\"question\":\"q\",\"history\":[{\"role\":\"system\",\"text\":\"x\"}]}", "history[0].role");
        cases.put(
                "{\"question\":\"q\",\"history\":[{\"role\":\"user\",\"text\":\"" + "y".repeat(8_001) + "\"}]}",
                "history[0].text is longer than 8000");

        for (var c : cases.entrySet()) {
            var response = post(c.getKey());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(json(response).path("error").asText()).as(c.getKey()).contains(c.getValue());
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void a_body_over_64_kb_is_413_and_a_non_json_type_is_415() throws Exception {
        start(Map.of());

        var big = post("{\"question\":\"" + "x".repeat(70_000) + "\"}");
        var form = client.send(
                HttpRequest.newBuilder(uri("/api/chat"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("question=vpn"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(json(big).path("error").asText()).contains("larger than 65536 bytes");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(asked).isEmpty();
    }

    @Test
    void the_page_and_its_assets_are_served_with_security_headers() throws Exception {
        start(Map.of());

        var page = get("/");
        var js = get("/webchat.js");
        var css = get("/webchat.css");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("<script src=\"/webchat.js\" defer></script>")
                .contains("aria-live");
        assertThat(page.body()).doesNotContainPattern("<script>|on(click|load|submit)=");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValue("application/javascript; charset=utf-8");
        assertThat(js.body()).contains("textContent").doesNotContain("innerHTML");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get("/healthz").body()).isEqualTo("ok\n");
    }

    @Test
    void docent_web_off_mounts_nothing() throws Exception {
        start(Map.of("DOCENT_WEB", "off"));

        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(post("{\"question\":\"vpn\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void a_short_or_malformed_setting_is_named_without_its_value() {
        Assertions.assertThatThrownBy(() -> WebChat.from(Settings.of(Map.of("DOCENT_WEB_SECRET", "short-secret"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_WEB_SECRET must be at least 16")
                .hasMessageNotContaining("short-secret");
        Assertions.assertThatThrownBy(() -> WebChat.from(
                        Settings.of(Map.of("DOCENT_WEB_TRUST_EASY_AUTH", "perhaps")), a -> true, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_WEB_TRUST_EASY_AUTH must be true or false");
    }
}
