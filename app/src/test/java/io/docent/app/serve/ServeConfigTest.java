package io.docent.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeConfigTest {

    @Test
    void defaults_when_nothing_is_set() {
        ServeConfig config = ServeConfig.read(Settings.of(Map.of()));
        assertThat(config.maxConcurrentAnswers()).isEqualTo(AnswerService.defaultMaxConcurrent());
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void reads_the_service_settings() {
        ServeConfig config = ServeConfig.read(Settings.of(Map.of(
                "DOCENT_MAX_CONCURRENT_ANSWERS", "3", "DOCENT_SHUTDOWN_GRACE", "5", "DOCENT_LOG_FORMAT", "json")));
        assertThat(config.maxConcurrentAnswers()).isEqualTo(3);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void names_every_wrong_setting_at_once_without_echoing_secrets() {
        String secret = "xoxb-very-secret-token-123";
        var settings = Settings.of(Map.of(
                "DOCENT_MAX_CONCURRENT_ANSWERS", "lots",
                "DOCENT_SHUTDOWN_GRACE", "-1",
                "DOCENT_LOG_FORMAT", "xml",
                "DOCENT_PORT", "99999",
                "DOCENT_MIN_SIMILARITY", "high",
                "SLACK_BOT_TOKEN", secret,
                "OPENAI_BASE_URL", "http://127.0.0.1:1/v1",
                "AZURE_OPENAI_ENDPOINT", "https://example.openai.azure.com"));
        assertThatThrownBy(() -> ServeConfig.read(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_MAX_CONCURRENT_ANSWERS must be a whole number")
                .hasMessageContaining("DOCENT_SHUTDOWN_GRACE must be between 0 and 3600")
                .hasMessageContaining("DOCENT_LOG_FORMAT must be one of [json, plain]")
                .hasMessageContaining("DOCENT_PORT must be between 0 and 65535")
                .hasMessageContaining("DOCENT_MIN_SIMILARITY must be a number")
                .hasMessageContaining("SLACK_SIGNING_SECRET is required")
                .hasMessageContaining("set only one")
                .hasMessageContaining("7 settings are wrong")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    }
}
