package io.docent.teams.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.feedback.FeedbackRecord.Vote;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackVoteTest {

    @Test
    void reads_docents_own_feedback_data() {
        assertThat(FeedbackVote.fromCard(Map.of("docent", "feedback", "vote", "up", "answerId", "t-0a1b2c3d")))
                .contains(new FeedbackVote("t-0a1b2c3d", Vote.UP, ""));
        assertThat(FeedbackVote.fromCard(Map.of("docent", "feedback", "vote", "down", "answerId", "t-0a1b2c3d")))
                .contains(new FeedbackVote("t-0a1b2c3d", Vote.DOWN, ""));
    }

    @Test
    void ignores_other_data_and_forged_ids() {
        assertThat(FeedbackVote.fromCard(null)).isEmpty();
        assertThat(FeedbackVote.fromCard("text")).isEmpty();
        assertThat(FeedbackVote.fromCard(Map.of("vote", "up", "answerId", "t-0a1b2c3d")))
                .isEmpty();
        assertThat(FeedbackVote.fromCard(Map.of("docent", "feedback", "vote", "meh", "answerId", "t-0a1b2c3d")))
                .isEmpty();
        assertThat(FeedbackVote.fromCard(
                        Map.of("docent", "feedback", "vote", "up", "answerId", "t-1\nforged log line")))
                .isEmpty();
    }

    @Test
    void reads_a_click_on_teams_feedback_buttons_into_the_answer_messages_key() {
        Map<String, Object> like = Map.of(
                "actionName",
                "feedback",
                "actionValue",
                Map.of("reaction", "like", "feedback", "{\"feedbackText\":\"\"}"));

        assertThat(FeedbackVote.fromSubmitAction(like, "a:chat-1", "1757010155474"))
                .contains(new FeedbackVote(FeedbackVote.messageKey("a:chat-1", "1757010155474"), Vote.UP, ""));
        assertThat(FeedbackVote.fromSubmitAction(
                        Map.of("actionName", "feedback", "actionValue", Map.of("reaction", "dislike")),
                        "a:chat-1",
                        "1757010155474"))
                .contains(new FeedbackVote("teams:a:chat-1/1757010155474", Vote.DOWN, ""));
    }

    @Test
    void keeps_the_text_typed_in_teams_feedback_form_as_the_votes_comment() {
        String key = FeedbackVote.messageKey("a:chat-1", "1757010155474");

        assertThat(FeedbackVote.fromSubmitAction(
                        Map.of(
                                "actionName",
                                "feedback",
                                "actionValue",
                                Map.of(
                                        "reaction",
                                        "dislike",
                                        "feedback",
                                        "{\"feedbackText\":\"Too vague, \\\"see HR\\\"\"}")),
                        "a:chat-1",
                        "1757010155474"))
                .contains(new FeedbackVote(key, Vote.DOWN, "Too vague, \"see HR\""));
        assertThat(FeedbackVote.fromSubmitAction(
                        Map.of(
                                "actionName",
                                "feedback",
                                "actionValue",
                                Map.of("reaction", "like", "feedback", Map.of("feedbackText", "Spot on"))),
                        "a:chat-1",
                        "1757010155474"))
                .contains(new FeedbackVote(key, Vote.UP, "Spot on"));
        assertThat(FeedbackVote.fromSubmitAction(
                        Map.of(
                                "actionName",
                                "feedback",
                                "actionValue",
                                Map.of("reaction", "like", "feedback", "not JSON at all")),
                        "a:chat-1",
                        "1757010155474"))
                .contains(new FeedbackVote(key, Vote.UP, "not JSON at all"));
    }

    @Test
    void ignores_other_submit_actions_unknown_reactions_and_forged_message_ids() {
        Map<String, Object> like = Map.of("actionName", "feedback", "actionValue", Map.of("reaction", "like"));

        assertThat(FeedbackVote.fromSubmitAction(
                        Map.of("actionName", "other", "actionValue", Map.of("reaction", "like")), "c", "1"))
                .isEmpty();
        assertThat(FeedbackVote.fromSubmitAction(
                        Map.of("actionName", "feedback", "actionValue", Map.of("reaction", "meh")), "c", "1"))
                .isEmpty();
        assertThat(FeedbackVote.fromSubmitAction(like, "c", null)).isEmpty();
        assertThat(FeedbackVote.fromSubmitAction(like, "c", "")).isEmpty();
        assertThat(FeedbackVote.fromSubmitAction(like, "c", "1\nforged log line"))
                .isEmpty();
        assertThat(FeedbackVote.fromSubmitAction(like, "c", "1".repeat(201))).isEmpty();
    }
}
