package io.docent.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import org.junit.jupiter.api.Test;

class QuestionNormalizerTest {

    private final QuestionNormalizer normalizer = new QuestionNormalizer(2_000);

    @Test
    void collapses_whitespace_and_control_characters() {
        assertThat(normalizer.normalize("  How\u0000 do I\n\n get   VPN?\t")).isEqualTo("How do I get VPN?");
    }

    @Test
    void cuts_a_100000_character_question_at_a_word() {
        String huge = "vpn access please ".repeat(6_000);

        String normalized = normalizer.normalize(huge);

        assertThat(normalized)
                .hasSizeLessThanOrEqualTo(2_000)
                .startsWith("vpn access please")
                .doesNotEndWith(" ");
    }

    @Test
    void refuses_an_empty_question() {
        assertThatThrownBy(() -> normalizer.normalize(" \n "))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("empty");
    }
}
