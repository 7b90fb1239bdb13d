package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import org.junit.jupiter.api.Test;

class OpenAiSettingsTest {

    @Test
    void the_key_never_shows_in_to_string() {
        var keyed = new OpenAiSettings(true, "https://a.openai.azure.com", "sk-secret-1", "gpt-4o", null, null, null);
        var entra = new OpenAiSettings(true, "https://a.openai.azure.com", null, "gpt-4o", null, null, null);

        assertThat(keyed.toString()).doesNotContain("sk-secret-1").contains("key ***");
        assertThat(entra.toString()).contains("Entra ID");
        assertThat(entra.timeout()).isEqualTo(OpenAiSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void a_model_role_that_is_not_configured_cannot_be_created() {
        var embeddingsOnly = new OpenAiSettings(true, "https://a.openai.azure.com", "k", null, "te3", null, null);

        assertThatThrownBy(() -> AzureOpenAiChatModel.create(embeddingsOnly))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("AZURE_OPENAI_CHAT_DEPLOYMENT");
    }
}
