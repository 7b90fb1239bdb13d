package io.docent.teams.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.Answer;
import io.docent.core.feedback.FeedbackRecord.Vote;
import io.docent.core.feedback.JsonLinesFeedbackLog;
import io.docent.teams.testing.CannedAnswerer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Answer shown = new Answer(
            "The lunch menu is on the intranet [1].",
            List.of(CannedAnswerer.VPN),
            Answer.Status.ANSWERED,
            "lunch",
            List.of(),
            Map.of());

    private List<JsonNode> lines() throws Exception {
        return Files.readAllLines(dir.resolve("feedback.jsonl")).stream()
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void a_vote_in_the_answers_conversation_records_what_that_conversation_was_shown() throws Exception {
        var recorder = new FeedbackRecorder(
                JsonLinesFeedbackLog.open(dir.resolve("feedback.jsonl")), Clock.systemUTC(), Ticker.systemTicker());
        recorder.remember("t-0000000a", "What is for lunch?", shown, "19:channel@thread.tacv2");

        recorder.record(new FeedbackVote("t-0000000a", Vote.UP), "aad-1", "19:channel@thread.tacv2");

        JsonNode record = lines().getFirst();
        assertThat(record.path("question").asText()).isEqualTo("What is for lunch?");
        assertThat(record.path("answer").asText()).isEqualTo(shown.text());
        assertThat(record.path("channel").asText()).isEqualTo("19:channel@thread.tacv2");
        assertThat(record.path("sources")).hasSize(1);
    }

    @Test
    void a_vote_from_another_conversation_does_not_carry_the_answer() throws Exception {
        var recorder = new FeedbackRecorder(
                JsonLinesFeedbackLog.open(dir.resolve("feedback.jsonl")), Clock.systemUTC(), Ticker.systemTicker());
        recorder.remember("t-0000000b", "What is the salary band?", shown, "a:alice-private-chat");

        recorder.record(new FeedbackVote("t-0000000b", Vote.DOWN), "aad-2", "19:channel@thread.tacv2");

        JsonNode record = lines().getFirst();
        assertThat(record.path("question").asText()).isEmpty();
        assertThat(record.path("answer").asText()).isEmpty();
        assertThat(record.path("sources")).isEmpty();
        assertThat(record.path("channel").asText()).isEqualTo("19:channel@thread.tacv2");
        assertThat(record.path("vote").asText()).isEqualTo("down");
    }
}
