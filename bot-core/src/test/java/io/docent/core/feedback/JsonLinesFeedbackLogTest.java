package io.docent.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
    void a_record_read_back_from_its_line_has_every_field_it_was_written_with_comment_included() throws Exception {
        var written = new FeedbackRecord(
                Instant.parse("2026-12-04T09:00:00Z"),
                "teams",
                FeedbackRecord.Vote.DOWN,
                "aad-1",
                "a:chat",
                "",
                "How many holidays?",
                "25 days [1]",
                List.of("https://wiki/holidays", "Handbook"),
                "Wrong \"number\",\nit is 27 \uD83D\uDE15");

        JsonNode line = JSON.readTree(JsonLinesFeedbackLog.toJson(written));
        var read = new FeedbackRecord(
                Instant.parse(line.get("timestamp").asText()),
                line.get("platform").asText(),
                FeedbackRecord.Vote.valueOf(line.get("vote").asText().toUpperCase(Locale.ROOT)),
                line.get("user").asText(),
                line.get("channel").asText(),
                line.get("thread").asText(),
                line.get("question").asText(),
                line.get("answer").asText(),
                JSON.convertValue(line.get("sources"), new TypeReference<List<String>>() {}),
                line.get("comment").asText());

        assertThat(read).isEqualTo(written);
        assertThat(JsonLinesFeedbackLog.toJson(written)).doesNotContain("\n");
    }

    @Test
    void a_comment_is_cut_at_its_limit_without_splitting_a_character_and_has_no_control_characters() {
        String typed = "\u001b[31m" + "a".repeat(FeedbackRecord.MAX_COMMENT_CHARS - 5) + "\uD83D\uDE00\uD83D\uDE00";

        String kept = FeedbackRecord.cleanComment(typed);

        assertThat(kept).startsWith("[31maaa").doesNotContain("\u001b");
        assertThat(kept.length()).isLessThanOrEqualTo(FeedbackRecord.MAX_COMMENT_CHARS);
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(FeedbackRecord.cleanComment(null)).isEmpty();
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
