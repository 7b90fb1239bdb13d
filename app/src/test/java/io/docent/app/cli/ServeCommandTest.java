package io.docent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path home;

    @Test
    void names_every_wrong_setting_and_exits_with_2_before_anything_starts() {
        String secret = "very-secret-signing-value";
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(
                new String[] {"serve"},
                Map.of(
                        "DOCENT_HOME", home.toString(),
                        "DOCENT_PORT", "http",
                        "DOCENT_MAX_CONCURRENT_ANSWERS", "0",
                        "DOCENT_LOG_FORMAT", "yaml",
                        "SLACK_BOT_TOKEN", "xoxb-" + secret,
                        "SLACK_API_URL", "slack.com"),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString())
                .contains("DOCENT_PORT must be a whole number")
                .contains("DOCENT_MAX_CONCURRENT_ANSWERS must be between 1 and 4096")
                .contains("DOCENT_LOG_FORMAT must be one of [json, plain]")
                .contains("SLACK_SIGNING_SECRET")
                .doesNotContain(secret);
        assertThat(home.resolve("index")).doesNotExist();
    }
}
