package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiSettingsTest {

    @Test
    void nothing_configured_means_no_model() {
        assertThat(OpenAiSettings.fromMap(Map.of())).isEmpty();
    }

    @Test
    void reads_an_azure_resource_with_entra_id() {
        var settings = OpenAiSettings.fromMap(Map.of(
                        "AZURE_OPENAI_ENDPOINT", "https://acme.openai.azure.com/",
                        "AZURE_OPENAI_CHAT_DEPLOYMENT", "gpt-4o",
                        "AZURE_OPENAI_EMBEDDING_DEPLOYMENT", "te3s",
                        "AZURE_OPENAI_EMBEDDING_DIMENSIONS", "512",
                        "DOCENT_MODEL_TIMEOUT_SECONDS", "20"))
                .orElseThrow();

        assertThat(settings)
                .isEqualTo(new OpenAiSettings(
                        true, "https://acme.openai.azure.com", null, "gpt-4o", "te3s", 512, Duration.ofSeconds(20)));
        assertThat(settings.toString()).contains("Entra ID");
    }

    @Test
    void conflicting_or_incomplete_settings_are_refused_by_name() {
        assertThatThrownBy(() -> OpenAiSettings.fromMap(Map.of(
                        "AZURE_OPENAI_ENDPOINT", "https://a.openai.azure.com",
                        "OPENAI_BASE_URL", "http://localhost:11434/v1",
                        "AZURE_OPENAI_CHAT_DEPLOYMENT", "x")))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("AZURE_OPENAI_ENDPOINT")
                .hasMessageContaining("OPENAI_BASE_URL");
        assertThatThrownBy(() -> OpenAiSettings.fromMap(Map.of("AZURE_OPENAI_ENDPOINT", "https://a.openai.azure.com")))
                .hasMessageContaining("AZURE_OPENAI_CHAT_DEPLOYMENT");
        assertThatThrownBy(() -> OpenAiSettings.fromMap(Map.of(
                        "AZURE_OPENAI_ENDPOINT", "http://a.openai.azure.com", "AZURE_OPENAI_CHAT_DEPLOYMENT", "x")))
                .hasMessageContaining("https");
        assertThatThrownBy(
                        () -> OpenAiSettings.fromMap(Map.of("OPENAI_BASE_URL", "localhost:11434", "OPENAI_MODEL", "x")))
                .hasMessageContaining("OPENAI_BASE_URL");
        assertThatThrownBy(() -> OpenAiSettings.fromMap(Map.of(
                        "OPENAI_API_KEY",
                        "k",
                        "OPENAI_MODEL",
                        "x",
                        "AZURE_OPENAI_EMBEDDING_DIMENSIONS",
                        "1",
                        "DOCENT_MODEL_TIMEOUT_SECONDS",
                        "soon")))
                .hasMessageContaining("DOCENT_MODEL_TIMEOUT_SECONDS");
    }

    @Test
    void a_model_role_that_is_not_configured_cannot_be_created() {
        var embeddingsOnly = new OpenAiSettings(true, "https://a.openai.azure.com", "k", null, "te3", null, null);

        assertThatThrownBy(() -> AzureOpenAiChatModel.create(embeddingsOnly))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("AZURE_OPENAI_CHAT_DEPLOYMENT");
    }
}
