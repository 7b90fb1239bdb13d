package io.docent.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.Citation;
import io.docent.core.DocentException;
import io.docent.core.feedback.FeedbackRecord.Vote;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFeedbackLogTest {

    @TempDir
    Path dir;

    private static FeedbackRecord vote(String user, Vote vote) {
        return new FeedbackRecord(
                Instant.parse("2025-01-31T09:15:00Z"),
                "teams",
                user,
                "19:abc@thread.tacv2",
                "How do I get VPN access?",
                "Request it in the portal [1].",
                List.of(new Citation(1, "VPN", "https://wiki/vpn", "Request VPN access")),
                vote);
    }

    @Test
    void appends_one_json_object_per_line_with_lowercase_vote() throws Exception {
        var log = new JsonLinesFeedbackLog(dir.resolve("logs/feedback.jsonl"));

        log.append(vote("u1", Vote.UP));
        log.append(vote("u2", Vote.DOWN));

        List<String> lines = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.path("timestamp").asText()).isEqualTo("2025-01-31T09:15:00Z");
        assertThat(first.path("platform").asText()).isEqualTo("teams");
        assertThat(first.path("user").asText()).isEqualTo("u1");
        assertThat(first.path("question").asText()).isEqualTo("How do I get VPN access?");
        assertThat(first.path("sources").get(0).path("url").asText()).isEqualTo("https://wiki/vpn");
        assertThat(first.path("vote").asText()).isEqualTo("up");
        assertThat(new ObjectMapper().readTree(lines.get(1)).path("vote").asText())
                .isEqualTo("down");
    }

    @Test
    void concurrent_votes_never_interleave() throws Exception {
        var log = new JsonLinesFeedbackLog(dir.resolve("feedback.jsonl"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            String user = "user-" + i;
            pool.execute(() -> log.append(vote(user, Vote.UP)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<String> users = new ArrayList<>();
        for (String line : Files.readAllLines(log.file(), StandardCharsets.UTF_8)) {
            users.add(new ObjectMapper().readTree(line).path("user").asText());
        }
        assertThat(users).hasSize(400).doesNotHaveDuplicates();
    }

    @Test
    void an_unwritable_log_is_a_docent_exception_naming_the_file() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        var log = new JsonLinesFeedbackLog(blocker.resolve("feedback.jsonl"));

        assertThatThrownBy(() -> log.append(vote("u", Vote.UP)))
                .isInstanceOf(DocentException.class)
                .hasMessageContaining("feedback.jsonl");
    }
}
