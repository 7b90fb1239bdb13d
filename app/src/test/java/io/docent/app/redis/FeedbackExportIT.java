package io.docent.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.app.Main;
import io.docent.core.feedback.FeedbackRecord;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Votes kept on the Redis stream by any replica, written out by {@code docent feedback export}. */
class FeedbackExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void exports_every_vote_of_every_replica_oldest_first_as_json_lines() throws Exception {
        try (LocalRedis server = LocalRedis.start();
                RedisState replicaA = RedisState.open(server.config());
                RedisState replicaB = RedisState.open(server.config())) {
            int votes = 1_201; // more than two pages
            for (int i = 0; i < votes; i++) {
                new RedisFeedbackStream(i % 2 == 0 ? replicaA : replicaB).record(vote(i));
            }
            Path out = dir.resolve("exports/feedback.jsonl");

            var err = new StringWriter();
            int exit = Main.run(
                    new String[] {"feedback", "export", "--out", out.toString()},
                    Map.of("DOCENT_REDIS_URL", server.url(), "DOCENT_HOME", dir.toString()),
                    new ByteArrayInputStream(new byte[0]),
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(err));

            assertThat(exit).as(err.toString()).isZero();
            assertThat(err.toString()).contains("1201 votes exported");
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(votes);
            JsonNode first = JSON.readTree(lines.get(0));
            assertThat(first.path("question").asText()).isEqualTo("question 0\nwith a line break");
            assertThat(first.path("vote").asText()).isEqualTo("up");
            assertThat(first.path("sources").get(0).asText()).isEqualTo("https://wiki.example.com/vpn");
            assertThat(first.path("comment").asText()).isEqualTo("Out of date:\n\"see the new portal\"");
            assertThat(JSON.readTree(lines.get(1)).path("comment").asText()).isEmpty();
            assertThat(JSON.readTree(lines.get(votes - 1)).path("question").asText())
                    .isEqualTo("question 1200\nwith a line break");
        }
    }

    @Test
    void to_standard_output_and_without_redis_says_where_the_votes_are() throws Exception {
        try (LocalRedis server = LocalRedis.start();
                RedisState redis = RedisState.open(server.config())) {
            new RedisFeedbackStream(redis).record(vote(7));
            var out = new StringWriter();

            int exit = Main.run(
                    new String[] {"feedback", "export"},
                    Map.of("DOCENT_REDIS_URL", server.url(), "DOCENT_HOME", dir.toString()),
                    new ByteArrayInputStream(new byte[0]),
                    new PrintWriter(out),
                    new PrintWriter(new StringWriter()));

            assertThat(exit).isZero();
            assertThat(out.toString().lines().toList()).hasSize(1);
            assertThat(JSON.readTree(out.toString()).path("user").asText()).isEqualTo("U7");
        }
        var err = new StringWriter();
        int exit = Main.run(
                new String[] {"feedback", "export"},
                Map.of("DOCENT_HOME", dir.toString()),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(exit).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("DOCENT_REDIS_URL").contains("DOCENT_FEEDBACK_LOG");
    }

    @Test
    void redis_unreachable_fails_with_its_location_and_never_the_password() throws Exception {
        int port;
        try (LocalRedis server = LocalRedis.start()) {
            port = server.port();
        }
        var err = new StringWriter();
        int exit = Main.run(
                new String[] {"feedback", "export"},
                Map.of("DOCENT_REDIS_URL", "redis://:s3cret-pw@127.0.0.1:" + port, "DOCENT_HOME", dir.toString()),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(exit).isEqualTo(Main.EXIT_FAILURES);
        assertThat(err.toString()).contains("127.0.0.1:" + port).doesNotContain("s3cret-pw");
    }

    private static FeedbackRecord vote(int i) {
        return new FeedbackRecord(
                Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i),
                i % 2 == 0 ? "slack" : "teams",
                i % 3 == 0 ? FeedbackRecord.Vote.UP : FeedbackRecord.Vote.DOWN,
                "U" + i,
                "C1",
                "",
                "question " + i + "\nwith a line break",
                "answer " + i,
                List.of("https://wiki.example.com/vpn"),
                i == 0 ? "Out of date:\n\"see the new portal\"" : "");
    }
}
