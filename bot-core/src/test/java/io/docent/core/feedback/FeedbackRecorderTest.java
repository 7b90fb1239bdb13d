package io.docent.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.Answer;
import io.docent.core.Citation;
import io.docent.core.DocentException;
import io.docent.core.feedback.FeedbackRecord.Vote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonLinesFeedbackLog log;
    private FeedbackRecorder recorder;

    private final Answer shown = new Answer(
            "The lunch menu is on the intranet [1].",
            List.of(new Citation(1, "Lunch", "https://intranet.example.com/lunch", "The menu")),
            Answer.Status.ANSWERED,
            "lunch",
            List.of(),
            Map.of());

    @BeforeEach
    void open() {
        log = JsonLinesFeedbackLog.open(dir.resolve("feedback.jsonl"));
        recorder = new FeedbackRecorder(new AnsweredMessages(), log, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        log.close();
    }

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

    private static FeedbackRecorder.Vote vote(Vote vote, String answerId, String user, String place, String text) {
        return new FeedbackRecorder.Vote("teams", vote, answerId, user, place, "", text);
    }

    @Test
    void a_vote_in_the_answers_conversation_records_what_that_conversation_was_shown() throws Exception {
        recorder.remember("r-0000000a", AnsweredMessage.of("What is for lunch?", shown, "19:channel@thread.tacv2"));

        assertThat(recorder.record(vote(Vote.UP, "r-0000000a", "aad-1", "19:channel@thread.tacv2", "")))
                .isTrue();

        JsonNode record = lines().getFirst();
        assertThat(record.path("platform").asText()).isEqualTo("teams");
        assertThat(record.path("question").asText()).isEqualTo("What is for lunch?");
        assertThat(record.path("answer").asText()).isEqualTo(shown.text());
        assertThat(record.path("channel").asText()).isEqualTo("19:channel@thread.tacv2");
        assertThat(record.path("sources").get(0).asText()).isEqualTo("https://intranet.example.com/lunch");
    }

    @Test
    void a_vote_from_another_conversation_does_not_carry_the_answer() throws Exception {
        recorder.remember("r-0000000b", AnsweredMessage.of("What is the salary band?", shown, "a:alice-private-chat"));

        recorder.record(vote(Vote.DOWN, "r-0000000b", "aad-2", "19:channel@thread.tacv2", ""));

        JsonNode record = lines().getFirst();
        assertThat(record.path("question").asText()).isEmpty();
        assertThat(record.path("answer").asText()).isEmpty();
        assertThat(record.path("sources")).isEmpty();
        assertThat(record.path("channel").asText()).isEqualTo("19:channel@thread.tacv2");
        assertThat(record.path("vote").asText()).isEqualTo("down");
    }

    @Test
    void a_private_answer_is_recorded_with_its_text_only_for_its_one_reader_wherever_they_click() throws Exception {
        recorder.remember(
                "r-0000000c", AnsweredMessage.privateTo("U0ALICE", "What is my salary band?", shown, "C0GENERAL"));

        recorder.record(vote(Vote.UP, "r-0000000c", "U0ALICE", "D0ALICE", "")); // from the direct message
        recorder.record(vote(Vote.UP, "r-0000000c", "U0BOB", "C0GENERAL", "what Bob's client sent"));

        List<JsonNode> records = lines();
        assertThat(records.get(0).path("question").asText()).isEqualTo("What is my salary band?");
        assertThat(records.get(1).path("question").asText()).isEmpty();
        assertThat(records.get(1).path("answer").asText()).isEqualTo("what Bob's client sent");
    }

    @Test
    void a_forgotten_answer_is_recorded_with_what_the_platform_sent_back() throws Exception {
        recorder.record(vote(Vote.DOWN, "r-0000000d", "U1", "C1", "The text of the message"));

        assertThat(lines().getFirst().path("answer").asText()).isEqualTo("The text of the message");
    }

    @Test
    void a_sink_that_fails_is_reported_to_the_caller_so_the_voter_can_be_told() {
        var failing = new FeedbackRecorder(
                new AnsweredMessages(),
                r -> {
                    throw new DocentException("disk full");
                },
                Clock.systemUTC());

        assertThat(failing.record(vote(Vote.UP, "r-0000000e", "U1", "C1", ""))).isFalse();
    }

    @Test
    void a_comment_typed_with_the_vote_is_kept_with_it() throws Exception {
        recorder.remember("r-0000000f", AnsweredMessage.of("What is for lunch?", shown, "a:chat"));

        recorder.record(new FeedbackRecorder.Vote(
                "teams", Vote.DOWN, "r-0000000f", "aad-1", "a:chat", "", "", "  Menu is\r\nout of date\u0007 "));

        assertThat(lines().getFirst().path("comment").asText()).isEqualTo("Menu is\nout of date");
    }

    @Test
    void a_vote_that_must_name_a_remembered_answer_records_nothing_for_an_unknown_or_someone_elses_id()
            throws Exception {
        recorder.remember("w-1", AnsweredMessage.of("What is for lunch?", shown, "web:alice"));

        assertThat(recorder.recordRemembered(vote(Vote.UP, "w-2", "bob", "web:alice", "")))
                .isEqualTo(FeedbackRecorder.Outcome.UNKNOWN_ANSWER);
        assertThat(recorder.recordRemembered(vote(Vote.UP, "w-1", "bob", "web:bob", "")))
                .isEqualTo(FeedbackRecorder.Outcome.UNKNOWN_ANSWER);
        assertThat(lines()).isEmpty();

        assertThat(recorder.recordRemembered(vote(Vote.UP, "w-1", "alice", "web:alice", "")))
                .isEqualTo(FeedbackRecorder.Outcome.KEPT);
        assertThat(lines())
                .singleElement()
                .satisfies(r -> assertThat(r.path("question").asText()).isEqualTo("What is for lunch?"));
    }
}
