package io.docent.slack.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncomingMessageTest {

    private static IncomingMessage message(String channel, String channelType, String ts, String threadTs) {
        return new IncomingMessage(
                "Ev1",
                IncomingMessage.Source.MESSAGE,
                channel,
                channelType,
                "U1",
                "T1",
                null,
                null,
                "hi",
                ts,
                threadTs,
                false);
    }

    @Test
    void replies_in_the_events_thread_or_starts_one_on_a_top_level_message() {
        assertThat(message("C1", "channel", "2.0", "1.0").replyThreadTs()).isEqualTo("1.0");
        assertThat(message("C1", "channel", "2.0", null).replyThreadTs()).isEqualTo("2.0");
        assertThat(message("C1", "channel", "2.0", null).threadKey()).isEqualTo("C1:2.0");
    }

    @Test
    void tells_a_thread_reply_from_a_thread_parent() {
        assertThat(message("C1", "channel", "2.0", "1.0").inThread()).isTrue();
        assertThat(message("C1", "channel", "1.0", "1.0").inThread()).isFalse();
    }

    @Test
    void recognises_direct_messages() {
        assertThat(message("D1", "im", "1.0", null).direct()).isTrue();
        assertThat(message("D1", "", "1.0", null).direct()).isTrue();
        assertThat(message("G1", "mpim", "1.0", null).direct()).isFalse();
    }
}
