package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.app.serve.DocentServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/chat} over HTTP on the real embedded default and the sample handbook. */
class WebChatIT {

    static DocentServer server;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = SampleStack.serveWebChat();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    JsonNode ask(String body) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/chat"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ChatJson.MAPPER.readTree(response.body());
    }

    @Test
    void a_handbook_question_gets_a_cited_answer_with_evidence_and_timings() throws Exception {
        JsonNode answer = ask("{\"question\":\"How many days of annual leave do employees get?\"}");

        assertThat(answer.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(answer.path("text").asText()).contains("25").contains("[1]");
        assertThat(answer.path("citations").get(0).path("title").asText()).isEqualTo("Annual Leave Policy");
        assertThat(answer.path("citations").get(0).path("url").asText()).startsWith("file:");
        assertThat(answer.path("evidence").size()).isGreaterThan(1);
        assertThat(answer.path("evidence").get(0).path("score").isNumber()).isTrue();
        assertThat(answer.path("evidence").get(0).path("text").asText()).isNotBlank();
        assertThat(answer.path("timings").path("retrieve").isNumber()).isTrue();
    }

    @Test
    void a_follow_up_uses_the_history_it_is_sent() throws Exception {
        JsonNode alone = ask("{\"question\":\"and for contractors?\"}");
        JsonNode followUp = ask("{\"question\":\"and for contractors?\",\"history\":["
                + "{\"role\":\"user\",\"text\":\"How do I get VPN access?\"},"
                + "{\"role\":\"assistant\",\"text\":\"Request it in the Service Desk portal [1].\"}]}");

        assertThat(followUp.path("standaloneQuery").asText())
                .containsIgnoringCase("vpn")
                .containsIgnoringCase("contractors");
        assertThat(alone.path("standaloneQuery").asText()).doesNotContainIgnoringCase("vpn");
        assertThat(followUp.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(followUp.path("text").asText()).containsIgnoringCase("sponsor");
    }
}
