package io.docent.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DocentConfigTest {

    @Test
    void nothing_set_means_every_area_at_its_defaults() {
        DocentConfig config = DocentConfig.read(Settings.of(Map.of()));

        assertThat(config.retrieval()).isEqualTo(RetrievalConfig.defaults());
        assertThat(config.backends().openAi()).isEmpty();
        assertThat(config.backends().azureSearch()).isEmpty();
        assertThat(config.log()).isEqualTo(LogConfig.DEFAULT);
    }

    @Test
    void wrong_settings_of_every_area_are_named_together_without_their_values() {
        String secret = "sk-very-secret-42";
        var settings = Settings.of(Map.of(
                "DOCENT_MAX_SOURCES", "0",
                "OPENAI_API_KEY", secret,
                "DOCENT_MODEL_TIMEOUT_SECONDS", "never",
                "DOCENT_LOG_LEVEL", "chatty"));

        assertThatThrownBy(() -> DocentConfig.read(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("3 settings are wrong")
                .hasMessageContaining("DOCENT_MAX_SOURCES must be between 1 and 50")
                .hasMessageContaining("DOCENT_MODEL_TIMEOUT_SECONDS must be a whole number")
                .hasMessageContaining("DOCENT_LOG_LEVEL must be one of")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    }
}
