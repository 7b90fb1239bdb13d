package io.docent.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.app.config.ConfigException;
import io.docent.app.config.LogConfig;
import io.docent.app.config.RetrievalConfig;
import io.docent.app.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeConfigTest {

    @Test
    void defaults_when_nothing_is_set() {
        ServeConfig config = ServeConfig.read(Settings.of(Map.of()));
        assertThat(config.maxConcurrentAnswers()).isEqualTo(AdmissionControl.defaultMaxConcurrent());
        assertThat(config.maxWaitingQuestions()).isEqualTo(AdmissionControl.DEFAULT_MAX_WAITING);
        assertThat(config.maxAnswersPerPerson()).isEqualTo(AdmissionControl.DEFAULT_MAX_PER_PERSON);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.bind()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.docent().retrieval()).isEqualTo(RetrievalConfig.defaults());
        assertThat(config.docent().backends().openAi()).isEmpty();
        assertThat(config.docent().log()).isEqualTo(LogConfig.DEFAULT);
    }

    @Test
    void the_removed_per_platform_limits_stop_start_up_naming_their_replacement() {
        var settings = Settings.of(Map.of("DOCENT_SLACK_CONCURRENCY", "8", "DOCENT_TEAMS_QUEUE", "100"));

        assertThatThrownBy(() -> ServeConfig.read(settings))
                .hasMessageContaining("DOCENT_SLACK_CONCURRENCY is no longer read")
                .hasMessageContaining("set DOCENT_MAX_CONCURRENT_ANSWERS instead")
                .hasMessageContaining("DOCENT_TEAMS_QUEUE is no longer read")
                .hasMessageContaining("set DOCENT_MAX_WAITING_QUESTIONS instead");
    }

    @Test
    void a_wrong_redis_setting_is_named_with_the_others_and_never_its_value() {
        var settings = Settings.of(Map.of(
                "DOCENT_REDIS_URL", "https://:s3cret-pw@cache:6380",
                "DOCENT_PORT", "http"));

        assertThatThrownBy(() -> ServeConfig.read(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("2 settings are wrong")
                .hasMessageContaining("DOCENT_REDIS_URL must be a redis:// or rediss:// URL")
                .hasMessageContaining("DOCENT_PORT")
                .message()
                .doesNotContain("s3cret-pw");
        assertThat(ServeConfig.read(Settings.of(Map.of())).redis()).isEmpty();
        assertThat(ServeConfig.read(Settings.of(Map.of("DOCENT_REDIS_URL", "redis://cache:6379")))
                        .redis()
                        .orElseThrow()
                        .location())
                .isEqualTo("redis://cache:6379");
    }

    @Test
    void reads_the_service_settings() {
        ServeConfig config = ServeConfig.read(Settings.of(Map.of(
                "DOCENT_MAX_CONCURRENT_ANSWERS", "3",
                "DOCENT_MAX_WAITING_QUESTIONS", "50",
                "DOCENT_MAX_ANSWERS_PER_PERSON", "4",
                "DOCENT_SHUTDOWN_GRACE", "5",
                "DOCENT_LOG_FORMAT", "json",
                "DOCENT_PORT", "0",
                "DOCENT_CANDIDATES", "12")));
        assertThat(config.maxConcurrentAnswers()).isEqualTo(3);
        assertThat(config.maxWaitingQuestions()).isEqualTo(50);
        assertThat(config.maxAnswersPerPerson()).isEqualTo(4);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.docent().log().json()).isTrue();
        assertThat(config.port()).isZero();
        assertThat(config.docent().retrieval().candidates()).isEqualTo(12);
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
