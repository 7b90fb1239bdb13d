package io.docent.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path home;

    @Test
    void environment_wins_over_the_properties_file() throws Exception {
        Files.writeString(home.resolve("docent.properties"), "DOCENT_TOP_K=7\nDOCENT_OTHER=x\n");

        Settings settings = Settings.load(Map.of("DOCENT_HOME", home.toString(), "DOCENT_TOP_K", "9"));

        assertThat(settings.getInt("DOCENT_TOP_K", 5, 1, 50)).isEqualTo(9);
        assertThat(settings.get("DOCENT_OTHER")).contains("x");
        assertThat(settings.get("MISSING")).isEmpty();
    }

    @Test
    void malformed_value_names_the_setting_but_not_the_value() {
        Settings settings = Settings.of(Map.of("DOCENT_MIN_SIMILARITY", "s3cr3t-ish"));

        assertThatThrownBy(() -> settings.getDouble("DOCENT_MIN_SIMILARITY", 0.6, 0, 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_MIN_SIMILARITY")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void out_of_range_and_boolean_values_are_refused() {
        Settings settings = Settings.of(Map.of("A", "500", "B", "maybe", "C", "TRUE"));

        assertThatThrownBy(() -> settings.getInt("A", 1, 1, 100)).hasMessageContaining("A must be between 1 and 100");
        assertThatThrownBy(() -> settings.getBoolean("B", false)).hasMessageContaining("B must be true or false");
        assertThat(settings.getBoolean("C", false)).isTrue();
    }

    @Test
    void missing_explicit_config_file_is_an_error() {
        assertThatThrownBy(() -> Settings.load(
                        Map.of("DOCENT_CONFIG", home.resolve("nope.properties").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_CONFIG");
    }
}
