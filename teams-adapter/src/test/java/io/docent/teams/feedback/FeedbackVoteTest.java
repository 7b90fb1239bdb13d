package io.docent.teams.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.feedback.FeedbackRecord.Vote;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackVoteTest {

    @Test
    void reads_docents_own_feedback_data() {
        assertThat(FeedbackVote.from(Map.of("docent", "feedback", "vote", "up", "answerId", "t-0a1b2c3d")))
                .contains(new FeedbackVote("t-0a1b2c3d", Vote.UP));
        assertThat(FeedbackVote.from(Map.of("docent", "feedback", "vote", "down", "answerId", "t-0a1b2c3d")))
                .contains(new FeedbackVote("t-0a1b2c3d", Vote.DOWN));
    }

    @Test
    void ignores_other_data_and_forged_ids() {
        assertThat(FeedbackVote.from(null)).isEmpty();
        assertThat(FeedbackVote.from("text")).isEmpty();
        assertThat(FeedbackVote.from(Map.of("vote", "up", "answerId", "t-0a1b2c3d")))
                .isEmpty();
        assertThat(FeedbackVote.from(Map.of("docent", "feedback", "vote", "meh", "answerId", "t-0a1b2c3d")))
                .isEmpty();
        assertThat(FeedbackVote.from(Map.of("docent", "feedback", "vote", "up", "answerId", "t-1\nforged log line")))
                .isEmpty();
    }
}
