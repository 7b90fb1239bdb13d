package io.docent.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeuristicQueryRewriterTest {

    private final HeuristicQueryRewriter rewriter = new HeuristicQueryRewriter();

    @Test
    void first_question_is_unchanged() {
        assertThat(rewriter.standalone("How do I get VPN access?", List.of())).isEqualTo("How do I get VPN access?");
    }

    @Test
    void follow_up_with_connector_carries_the_previous_question() {
        var history = List.of(Turn.user("How do I get VPN access?"), Turn.assistant("File a request [1]."));

        assertThat(rewriter.standalone("and for contractors?", history))
                .isEqualTo("How do I get VPN access? for contractors?");
    }

    @Test
    void follow_up_with_pronoun_carries_the_previous_question() {
        var history = List.of(Turn.user("What is the parental leave policy?"), Turn.assistant("..."));

        assertThat(rewriter.standalone("How long does it last?", history))
                .startsWith("What is the parental leave policy?")
                .endsWith("How long does it last?");
    }

    @Test
    void chain_of_follow_ups_keeps_the_topic() {
        var history = List.of(
                Turn.user("How many days of annual leave do I get?"),
                Turn.assistant("25 days [1]."),
                Turn.user("What about Germany?"),
                Turn.assistant("28 days [1]."));

        assertThat(rewriter.standalone("and the US?", history))
                .contains("annual leave")
                .contains("Germany")
                .endsWith("the US?");
    }

    @Test
    void standalone_question_changes_the_topic() {
        var history = List.of(Turn.user("How do I get VPN access?"), Turn.assistant("..."));

        assertThat(rewriter.standalone("What is the minimum password length?", history))
                .isEqualTo("What is the minimum password length?");
    }

    @Test
    void single_content_word_is_a_follow_up() {
        assertThat(HeuristicQueryRewriter.isFollowUp("Contractors?")).isTrue();
        assertThat(HeuristicQueryRewriter.isFollowUp("Which laptop models can engineers choose?"))
                .isFalse();
    }

    @Test
    void detection_is_locale_independent() {
        // "IT" lower-cased in a Turkish locale becomes "ıt", which would miss the pronoun list.
        assertThat(HeuristicQueryRewriter.isFollowUp("IS IT FREE")).isTrue();
    }
}
