package io.docent.core.grounded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptBudgetTest {

    @Test
    void small_and_large_context_windows_get_proportionate_shares() {
        var small = PromptBudget.forContext(4_096);
        var large = PromptBudget.forContext(128_000);

        assertThat(small.answerTokens()).isEqualTo(512);
        assertThat(small.sourceTokens() + small.historyTokens() + small.answerTokens())
                .isLessThan(4_096);
        assertThat(large.answerTokens()).isEqualTo(800);
        assertThat(large.sourceTokens()).isEqualTo(8_000);
        assertThat(large.historyTokens()).isEqualTo(1_500);
    }
}
