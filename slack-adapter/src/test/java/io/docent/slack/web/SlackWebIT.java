package io.docent.slack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.model.Message;
import io.docent.slack.testing.LocalSlackApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackWebIT {

    private LocalSlackApi api;
    private Slack slack;
    private SlackWeb web;

    @BeforeEach
    void start() throws Exception {
        api = new LocalSlackApi();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.url().toString());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
        web = new SlackWeb(slack.methods(LocalSlackApi.BOT_TOKEN), new RateLimitRetry(d -> {}));
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        api.close();
    }

    @Test
    void follows_every_cursor_and_keeps_the_newest_messages_of_a_long_thread() {
        String parent = api.nextTs();
        api.personSays("C1", parent, parent, "U1", "message 0");
        for (int i = 1; i < 7; i++) {
            api.personSays("C1", parent, api.nextTs(), "U1", "message " + i);
        }

        var messages = web.replies("C1", parent, 3, 50);

        assertThat(messages).extracting(Message::getText).containsExactly("message 4", "message 5", "message 6");
        assertThat(api.calls("conversations.replies")).hasSize(4);
    }

    @Test
    void stops_after_the_page_limit() {
        String parent = api.nextTs();
        api.personSays("C1", parent, parent, "U1", "message 0");
        for (int i = 1; i < 7; i++) {
            api.personSays("C1", parent, api.nextTs(), "U1", "message " + i);
        }

        var messages = web.replies("C1", parent, 100, 2);

        assertThat(messages)
                .extracting(Message::getText)
                .containsExactly("message 0", "message 1", "message 2", "message 3");
    }

    @Test
    void gives_nothing_for_a_thread_slack_cannot_read() {
        assertThat(web.replies("C1", "1.000100", 10, 5)).isEmpty();
    }
}
