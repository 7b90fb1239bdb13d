package io.docent.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.app.cli.StackOptions;
import io.docent.app.config.Settings;
import io.docent.core.Answer;
import io.docent.core.Question;
import io.docent.core.azure.BenchmarkOpenAiServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers in progress through the served stack, as {@code docent serve} wires it: the real pipeline over the sample
 * handbook (Lucene, the bundled embedder) with a language model on a local OpenAI-compatible server that streams its
 * completion over real HTTP, behind the stall guard, the admission control and the metrics, to an {@code
 * AnswerProgress} and to the web chat's server-sent events.
 */
class StreamedAnswersIT {

    static final List<String> TOKENS =
            List.of("To get VPN access", ", open a request", " in the IT portal", " [1]", "[9]", " and install", ".");
    static final String QUESTION = "How do I get VPN access?";

    @TempDir
    static Path home;

    static BenchmarkOpenAiServer model;
    static DocentService service;

    @BeforeAll
    static void serve() throws InterruptedException {
        model = new BenchmarkOpenAiServer(false, TOKENS);
        Settings settings = Settings.of(Map.of(
                "DOCENT_HOME", home.toString(),
                "DOCENT_PORT", "0",
                "DOCENT_BIND", "127.0.0.1",
                "OPENAI_BASE_URL", model.url() + "/v1",
                "OPENAI_MODEL", "local-model"));
        PrintWriter quiet = new PrintWriter(new StringWriter());
        service = DocentService.start(
                settings, config -> new StackOptions().openForQuestions(settings, config, quiet), quiet);
        assertThat(service.awaitIndex(Duration.ofSeconds(120))).isTrue();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void the_answer_in_progress_reaches_the_caller_through_admission_control_and_metrics() {
        List<String> shown = new CopyOnWriteArrayList<>();

        Answer answer = service.answerer("web").answer(Question.fromAdministrator(QUESTION), shown::add);

        assertThat(answer.status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(answer.text()).isEqualTo("To get VPN access, open a request in the IT portal [1] and install.");
        assertThat(shown).isNotEmpty().allSatisfy(text -> assertThat(answer.text())
                .startsWith(text));
        assertThat(shown).noneMatch(text -> text.contains("[9]"));
        assertThat(shown.getFirst()).isEqualTo("To get VPN access");
    }

    @Test
    void the_web_chat_streams_the_same_answer_as_server_sent_events() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/chat/stream"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + QUESTION + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String block : response.body().split("\n\n")) {
            String[] lines = block.split("\n");
            names.add(lines[0].substring("event: ".length()));
            data.add(json.readTree(lines[1].substring("data: ".length())));
        }
        assertThat(names.getFirst()).isEqualTo("text");
        assertThat(names.getLast()).isEqualTo("answer");
        JsonNode answer = data.getLast();
        assertThat(answer.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(answer.path("citations")).hasSize(1);
        assertThat(answer.path("html").asText()).contains("To get VPN access, open a request in the IT portal [1]");
        for (JsonNode text : data.subList(0, data.size() - 1)) {
            assertThat(answer.path("text").asText())
                    .startsWith(text.path("text").asText());
        }
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics).containsPattern("docent_questions_total\\{platform=\"web\",status=\"answered\"} [1-9]");
    }

    @Test
    void a_vote_from_the_web_chat_lands_in_the_services_one_feedback_log_and_its_metric() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + service.port();
        ObjectMapper json = new ObjectMapper();
        JsonNode answer = json.readTree(client.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + QUESTION + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());

        HttpResponse<String> vote = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/feedback"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"answerId\":\""
                                + answer.path("answerId").asText() + "\",\"vote\":\"up\",\"comment\":\"clear\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(204);
        List<String> lines = Files.readAllLines(home.resolve("feedback.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode record = json.readTree(lines.getFirst());
        assertThat(record.path("platform").asText()).isEqualTo("web");
        assertThat(record.path("question").asText()).isEqualTo(QUESTION);
        assertThat(record.path("comment").asText()).isEqualTo("clear");
        String metrics = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics).contains("docent_feedback_total{platform=\"web\",vote=\"up\"} 1.0");
    }
}
