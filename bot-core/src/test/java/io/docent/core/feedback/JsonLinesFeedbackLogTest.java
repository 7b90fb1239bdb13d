package io.docent.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFeedbackLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writes_one_json_object_per_line_with_every_field() throws Exception {
        Path file = dir.resolve("logs/feedback.jsonl");
        try (var log = JsonLinesFeedbackLog.open(file)) {
            log.record(record(FeedbackRecord.Vote.UP, "How many\nholidays?"));
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode node = JSON.readTree(lines.get(0));
        assertThat(node.get("vote").asText()).isEqualTo("up");
        assertThat(node.get("question").asText()).isEqualTo("How many\nholidays?");
        assertThat(node.get("platform").asText()).isEqualTo("slack");
        assertThat(node.get("user").asText()).isEqualTo("U1");
        assertThat(node.get("channel").asText()).isEqualTo("C1");
        assertThat(node.get("answer").asText()).isEqualTo("25 days [1]");
        assertThat(node.get("sources").get(0).asText()).isEqualTo("https://wiki/holidays");
        assertThat(node.get("timestamp").asText()).isEqualTo("2025-01-02T03:04:05Z");
    }

    @Test
    void keeps_earlier_records_when_reopened() throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        try (var log = JsonLinesFeedbackLog.open(file)) {
            log.record(record(FeedbackRecord.Vote.UP, "first"));
        }
        try (var log = JsonLinesFeedbackLog.open(file)) {
            log.record(record(FeedbackRecord.Vote.DOWN, "second"));
        }

        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void lines_never_interleave_when_many_threads_write() throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (var log = JsonLinesFeedbackLog.open(file)) {
            for (int i = 0; i < 400; i++) {
                String question = "question " + i + " " + "x".repeat(i * 10);
                pool.execute(() -> log.record(record(FeedbackRecord.Vote.DOWN, question)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(400);
        Set<String> questions = new HashSet<>();
        for (String line : lines) {
            questions.add(JSON.readTree(line).get("question").asText());
        }
        assertThat(questions).hasSize(400);
    }

    private static FeedbackRecord record(FeedbackRecord.Vote vote, String question) {
        return new FeedbackRecord(
                Instant.parse("2025-01-02T03:04:05Z"),
                "slack",
                vote,
                "U1",
                "C1",
                "1700000000.000100",
                question,
                "25 days [1]",
                List.of("https://wiki/holidays"));
    }
}
