package io.docent.teams.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.schema.Activity;
import io.docent.teams.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ActivityJsonTest {

    @Test
    void reads_timestamps_without_fractional_seconds() throws Exception {
        Activity activity = Fixtures.activity("personal-message")
                .with("timestamp", "2025-03-04T09:15:30Z")
                .parse();

        assertThat(activity.getTimestamp()).isEqualTo(OffsetDateTime.parse("2025-03-04T09:15:30Z"));
    }

    @Test
    void reads_fractions_as_fractions_not_as_nanosecond_counts() {
        Activity millis = Fixtures.activity("personal-message")
                .with("timestamp", "2017-02-01T21:10:07.437Z")
                .parse();
        Activity ticks = Fixtures.activity("personal-message")
                .with("timestamp", "2017-10-29T00:51:05.9908157Z")
                .parse();

        assertThat(millis.getTimestamp().getNano()).isEqualTo(437_000_000);
        assertThat(ticks.getTimestamp().getNano()).isEqualTo(990_815_700);
        assertThat(millis.getLocalTimestamp()).isEqualTo(OffsetDateTime.parse("2025-03-04T10:15:30.123+01:00"));
    }

    @Test
    void an_unreadable_timestamp_is_dropped_not_fatal() {
        Activity activity = Fixtures.activity("personal-message")
                .with("timestamp", "yesterday")
                .parse();

        assertThat(activity.getTimestamp()).isNull();
        assertThat(activity.getText()).isEqualTo("How do I get VPN access?");
    }

    @Test
    void reads_a_real_shaped_channel_message_with_unknown_fields() {
        Activity activity = Fixtures.activity("channel-mention").parse();

        assertThat(activity.getType()).isEqualTo("message");
        assertThat(activity.getConversation().getId()).endsWith(";messageid=1741080000000");
        assertThat(activity.getConversation().getTenantId()).isEqualTo(Fixtures.TENANT);
        assertThat(activity.getMentions()).hasSize(1);
        assertThat(activity.getFrom().getAadObjectId()).isEqualTo("5b7e2c1a-0f3d-4e6b-8a9c-1d2e3f405162");
    }

    @Test
    void refuses_bodies_that_are_not_json_objects() {
        assertThatThrownBy(() -> ActivityJson.read("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ActivityJson.read("{\"type\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ActivityJson.read(new byte[0])).isInstanceOf(IOException.class);
    }
}
