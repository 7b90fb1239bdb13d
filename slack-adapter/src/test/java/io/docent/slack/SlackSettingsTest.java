package io.docent.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    @Test
    void defaults_to_slacks_api_and_answers_follow_ups_and_ignores_bots() {
        SlackSettings s = SlackSettings.builder("xoxb-1").build();

        assertThat(s.apiUrl()).isEqualTo(URI.create("https://slack.com/api/"));
        assertThat(s.followUps()).isTrue();
        assertThat(s.ignoreBots()).isTrue();
        assertThat(s.socketMode()).isFalse();
        assertThat(s.dedupeTtl()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void adds_the_trailing_slash_to_the_api_url() {
        assertThat(SlackSettings.builder("xoxb-1")
                        .apiUrl(URI.create("http://127.0.0.1:9/api"))
                        .build()
                        .apiUrl())
                .isEqualTo(URI.create("http://127.0.0.1:9/api/"));
    }

    @Test
    void never_shows_its_secrets() {
        String shown = SlackSettings.builder("xoxb-secret-1")
                .appToken("xapp-secret-2")
                .signingSecret("secret-3")
                .build()
                .toString();

        assertThat(shown).doesNotContain("secret-1", "secret-2", "secret-3");
    }

    @Test
    void refuses_a_dedupe_ttl_shorter_than_slacks_retries() {
        assertThatThrownBy(() -> SlackSettings.builder("xoxb-1")
                        .dedupeTtl(Duration.ofMinutes(5))
                        .build())
                .hasMessageContaining("dedupeTtl");
    }

    @Test
    void refuses_a_missing_bot_token_naming_its_variable() {
        assertThatThrownBy(() -> SlackSettings.builder(" ").build()).hasMessageContaining("SLACK_BOT_TOKEN");
    }
}
