package io.docent.slack.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveAnswerTest {

    @Test
    void cuts_text_into_pieces_slack_accepts_without_splitting_a_character() {
        String emoji = "😀"; // two chars
        String text = "a".repeat(LiveAnswer.MAX_MARKDOWN_CHARS - 1) + emoji + "b".repeat(10);

        var pieces = LiveAnswer.pieces(text);

        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0)).hasSize(LiveAnswer.MAX_MARKDOWN_CHARS - 1);
        assertThat(pieces.get(1)).startsWith(emoji);
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(LiveAnswer.pieces("")).isEmpty();
        assertThat(LiveAnswer.pieces("short")).containsExactly("short");
    }
}
