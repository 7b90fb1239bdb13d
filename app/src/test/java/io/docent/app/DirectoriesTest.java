package io.docent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.core.Directory;
import io.docent.core.Identity;
import io.docent.core.access.CachingDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    @TempDir
    Path dir;

    @Test
    void no_directory_setting_knows_nobody() {
        assertThat(Directories.fromSettings(Settings.of(Map.of()))).isSameAs(Directory.NOBODY);
    }

    @Test
    void a_directory_file_is_read_behind_a_cache() throws Exception {
        Path file = Files.writeString(
                dir.resolve("people.json"),
                "{\"people\": [{\"email\": \"alice@example.com\", \"groups\": [\"hr\"]}], \"everyone\": [\"all\"]}");

        Directory directory = Directories.fromSettings(Settings.of(Map.of("DOCENT_DIRECTORY_FILE", file.toString())));

        assertThat(directory).isInstanceOf(CachingDirectory.class);
        assertThat(directory.groupsOf(Identity.member("slack", "U1", "T1", "alice@example.com")))
                .hasValue(Set.of("hr"));
        assertThat(directory.everyone()).containsExactly("all");
    }

    @Test
    void a_missing_or_malformed_file_and_contradictory_settings_stop_start_up_naming_the_setting() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"people\": 3}");

        assertThatThrownBy(() -> Directories.fromSettings(Settings.of(Map.of(
                        "DOCENT_DIRECTORY_FILE", dir.resolve("absent.json").toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_DIRECTORY_FILE")
                .hasMessageContaining("absent.json");
        assertThatThrownBy(
                        () -> Directories.fromSettings(Settings.of(Map.of("DOCENT_DIRECTORY_FILE", broken.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("people");
        assertThatThrownBy(() -> Directories.fromSettings(
                        Settings.of(Map.of("DOCENT_DIRECTORY", "graph", "DOCENT_DIRECTORY_FILE", broken.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("choose one");
        assertThatThrownBy(() -> Directories.fromSettings(Settings.of(Map.of("DOCENT_DIRECTORY", "ldap"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_DIRECTORY");
    }
}
