package io.docent.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.core.azure.OpenAiSettings;
import io.docent.core.grounded.PromptBudget;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendConfigTest {

    private static BackendConfig read(Map<String, String> values) {
        return BackendConfig.read(Settings.of(values));
    }

    @Test
    void nothing_configured_means_the_embedded_defaults() {
        BackendConfig config = read(Map.of());

        assertThat(config.openAi()).isEmpty();
        assertThat(config.azureSearch()).isEmpty();
        assertThat(config.promptBudget()).isEqualTo(PromptBudget.defaults());
        assertThat(config.modelStall()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void the_model_stall_limit_is_whole_seconds_and_a_wrong_one_is_refused_by_name() {
        assertThat(read(Map.of("DOCENT_MODEL_STALL_SECONDS", "45")).modelStall())
                .isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> read(Map.of("DOCENT_MODEL_STALL_SECONDS", "0")))
                .hasMessageContaining("DOCENT_MODEL_STALL_SECONDS");
        assertThatThrownBy(() -> read(Map.of("DOCENT_MODEL_STALL_SECONDS", "a while")))
                .hasMessageContaining("DOCENT_MODEL_STALL_SECONDS");
    }

    @Test
    void reads_an_azure_openai_resource_with_entra_id() {
        var settings = read(Map.of(
                        "AZURE_OPENAI_ENDPOINT", "https://acme.openai.azure.com/",
                        "AZURE_OPENAI_CHAT_DEPLOYMENT", "gpt-4o",
                        "AZURE_OPENAI_EMBEDDING_DEPLOYMENT", "te3s",
                        "AZURE_OPENAI_EMBEDDING_DIMENSIONS", "512",
                        "DOCENT_MODEL_TIMEOUT_SECONDS", "20"))
                .openAi()
                .orElseThrow();

        assertThat(settings)
                .isEqualTo(new OpenAiSettings(
                        true, "https://acme.openai.azure.com", null, "gpt-4o", "te3s", 512, Duration.ofSeconds(20)));
        assertThat(settings.toString()).contains("Entra ID");
    }

    @Test
    void an_api_key_alone_means_openai_itself_and_a_base_url_loses_its_trailing_slash() {
        var openAi = read(Map.of("OPENAI_API_KEY", "sk-x", "OPENAI_MODEL", "gpt-4o-mini"))
                .openAi()
                .orElseThrow();
        var local = read(Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1/", "OPENAI_MODEL", "llama3.1"))
                .openAi()
                .orElseThrow();

        assertThat(openAi.azure()).isFalse();
        assertThat(openAi.endpoint()).isEqualTo("https://api.openai.com/v1");
        assertThat(local.endpoint()).isEqualTo("http://localhost:11434/v1");
        assertThat(local.apiKey()).isNull();
    }

    @Test
    void conflicting_or_incomplete_model_settings_are_refused_by_name() {
        assertThatThrownBy(() -> read(Map.of(
                        "AZURE_OPENAI_ENDPOINT", "https://a.openai.azure.com",
                        "OPENAI_BASE_URL", "http://localhost:11434/v1",
                        "AZURE_OPENAI_CHAT_DEPLOYMENT", "x")))
                .isInstanceOf(DocentException.class)
                .hasMessageContaining("AZURE_OPENAI_ENDPOINT and OPENAI_BASE_URL are set: set only one");
        assertThatThrownBy(() -> read(Map.of("AZURE_OPENAI_ENDPOINT", "https://a.openai.azure.com")))
                .hasMessageContaining("AZURE_OPENAI_CHAT_DEPLOYMENT");
        assertThatThrownBy(() -> read(Map.of(
                        "AZURE_OPENAI_ENDPOINT", "http://a.openai.azure.com", "AZURE_OPENAI_CHAT_DEPLOYMENT", "x")))
                .hasMessageContaining("AZURE_OPENAI_ENDPOINT must be an https:// URL");
        assertThatThrownBy(() -> read(Map.of("OPENAI_BASE_URL", "localhost:11434", "OPENAI_MODEL", "x")))
                .hasMessageContaining("OPENAI_BASE_URL");
        assertThatThrownBy(() -> read(
                        Map.of("OPENAI_API_KEY", "k", "OPENAI_MODEL", "x", "DOCENT_MODEL_TIMEOUT_SECONDS", "soon")))
                .hasMessageContaining("DOCENT_MODEL_TIMEOUT_SECONDS must be a whole number");
    }

    @Test
    void reads_azure_search_with_its_defaults() {
        var settings = read(Map.of(
                        "AZURE_SEARCH_ENDPOINT", "https://acme.search.windows.net/",
                        "AZURE_SEARCH_SEMANTIC", "TRUE",
                        "AZURE_SEARCH_VECTOR_COMPRESSION", "scalar"))
                .azureSearch()
                .orElseThrow();

        assertThat(settings.endpoint()).isEqualTo("https://acme.search.windows.net");
        assertThat(settings.indexName()).isEqualTo("docent");
        assertThat(settings.apiKey()).isNull();
        assertThat(settings.semantic()).isTrue();
        assertThat(settings.scalarQuantization()).isTrue();
        assertThat(settings.analyzer()).isEqualTo("en.lucene");
    }

    @Test
    void wrong_azure_search_values_are_refused_naming_the_setting_but_not_the_value() {
        assertThatThrownBy(() -> read(Map.of("AZURE_SEARCH_ENDPOINT", "http://acme")))
                .hasMessageContaining("AZURE_SEARCH_ENDPOINT must be an https:// URL");
        assertThatThrownBy(() ->
                        read(Map.of("AZURE_SEARCH_ENDPOINT", "https://acme", "AZURE_SEARCH_INDEX", "Docent Index")))
                .hasMessageContaining("AZURE_SEARCH_INDEX");
        assertThatThrownBy(
                        () -> read(Map.of("AZURE_SEARCH_ENDPOINT", "https://acme", "AZURE_SEARCH_SEMANTIC", "s3cr3t")))
                .hasMessageContaining("AZURE_SEARCH_SEMANTIC must be true or false")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
        var keyed = read(Map.of("AZURE_SEARCH_ENDPOINT", "https://acme", "AZURE_SEARCH_API_KEY", "sekret-key"))
                .azureSearch()
                .orElseThrow();
        assertThat(keyed.toString()).doesNotContain("sekret-key").contains("api-key ***");
    }

    @Test
    void the_context_window_sizes_the_prompt_budget() {
        assertThat(read(Map.of("DOCENT_MODEL_CONTEXT_TOKENS", "8192")).promptBudget())
                .isEqualTo(PromptBudget.forContext(8_192));
        assertThatThrownBy(() -> read(Map.of("DOCENT_MODEL_CONTEXT_TOKENS", "lots")))
                .hasMessageContaining("DOCENT_MODEL_CONTEXT_TOKENS must be a whole number of tokens, at least 1024");
        assertThatThrownBy(() -> read(Map.of("DOCENT_MODEL_CONTEXT_TOKENS", "512")))
                .hasMessageContaining("1024");
    }

    @Test
    void every_wrong_backend_setting_is_named_at_once() {
        assertThatThrownBy(() -> read(Map.of(
                        "OPENAI_BASE_URL", "nowhere",
                        "DOCENT_MODEL_CONTEXT_TOKENS", "lots",
                        "AZURE_SEARCH_ENDPOINT", "http://acme")))
                .hasMessageContaining("3 settings are wrong");
    }
}
