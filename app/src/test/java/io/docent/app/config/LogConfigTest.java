package io.docent.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogConfigTest {

    @Test
    void nothing_set_means_plain_lines_at_warn() {
        assertThat(LogConfig.read(Settings.of(Map.of()))).isEqualTo(LogConfig.DEFAULT);
        assertThat(LogConfig.DEFAULT).isEqualTo(new LogConfig(false, "warn"));
    }

    @Test
    void reads_format_and_level_in_any_case() {
        assertThat(LogConfig.read(Settings.of(Map.of("DOCENT_LOG_FORMAT", "JSON", "DOCENT_LOG_LEVEL", "Debug"))))
                .isEqualTo(new LogConfig(true, "debug"));
    }

    @Test
    void wrong_values_are_named_together_and_leniently_read_as_the_defaults() {
        var settings = Settings.of(Map.of("DOCENT_LOG_FORMAT", "xml", "DOCENT_LOG_LEVEL", "loud"));

        assertThatThrownBy(() -> LogConfig.read(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("2 settings are wrong")
                .hasMessageContaining("DOCENT_LOG_FORMAT must be one of [json, plain]")
                .hasMessageContaining("DOCENT_LOG_LEVEL must be one of [debug, error, info, off, trace, warn]");
        Problems problems = new Problems();
        assertThat(LogConfig.read(settings, problems)).isEqualTo(LogConfig.DEFAULT);
        assertThat(problems.isEmpty()).isFalse();
    }
}
