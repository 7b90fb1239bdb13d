package io.docent.core.grounded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import java.util.Map;
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

    @Test
    void the_context_window_is_read_from_the_settings() {
        assertThat(PromptBudget.fromMap(Map.of())).isEqualTo(PromptBudget.defaults());
        assertThat(PromptBudget.fromMap(Map.of("DOCENT_MODEL_CONTEXT_TOKENS", "8192")))
                .isEqualTo(PromptBudget.forContext(8_192));
        assertThatThrownBy(() -> PromptBudget.fromMap(Map.of("DOCENT_MODEL_CONTEXT_TOKENS", "lots")))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("DOCENT_MODEL_CONTEXT_TOKENS");
        assertThatThrownBy(() -> PromptBudget.fromMap(Map.of("DOCENT_MODEL_CONTEXT_TOKENS", "512")))
                .hasMessageContaining("1024");
    }
}
