package io.docent.slack;

import static io.docent.slack.testing.LocalSlackApi.BOT_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.slack.testing.CannedAnswerer;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.LocalSocketModeServer;
import io.docent.slack.testing.SlackPayloads;
import io.docent.slack.testing.TestHooks;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter over Socket Mode: Bolt's Tyrus client against a local WebSocket server and a local Web API. */
class SocketModeIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHANNEL = "C0GENERAL";

    private LocalSlackApi api;
    private LocalSocketModeServer socket;
    private final CannedAnswerer core = new CannedAnswerer();
    private final TestHooks hooks = new TestHooks();
    private SlackAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        api = new LocalSlackApi();
        socket = new LocalSocketModeServer().open();
        api.socketModeUrl(socket.url());
    }

    private SlackSettings.Builder settings() {
        return SlackSettings.builder(LocalSlackApi.BOT_TOKEN)
                .appToken(LocalSlackApi.APP_TOKEN)
                .apiUrl(api.url());
    }

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        socket.close();
        api.close();
    }

    @Test
    void acks_each_envelope_by_its_id_and_answers_in_the_thread() throws Exception {
        adapter = SlackAdapter.create(settings().build(), core, hooks.hooks());
        adapter.startSocketMode();
        socket.awaitConnections(1, WAIT);
        String ts = api.nextTs();

        String envelope = socket.sendEvent(
                SlackPayloads.appMention("Ev1", CHANNEL, "U0PAT", "<@" + BOT_USER + "> how many holidays?", ts, null),
                0);

        socket.awaitAck(envelope, WAIT);
        var post = api.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(post.param("thread_ts")).isEqualTo(ts);
        assertThat(post.param("text")).contains("25 days");
        assertThat(api.calls("apps.connections.open")).isNotEmpty();
    }

    @Test
    void answers_once_when_slack_redelivers_an_envelope() throws Exception {
        adapter = SlackAdapter.create(settings().build(), core, hooks.hooks());
        adapter.startSocketMode();
        socket.awaitConnections(1, WAIT);
        String event =
                SlackPayloads.appMention("Ev1", CHANNEL, "U0PAT", "<@" + BOT_USER + "> holidays?", api.nextTs(), null);

        String first = socket.sendEvent(event, 0);
        String retry = socket.sendEvent(event, 1);

        socket.awaitAck(first, WAIT);
        socket.awaitAck(retry, WAIT);
        api.await("reactions.remove", 1, WAIT);
        assertThat(api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void reconnects_after_a_disconnect_and_keeps_answering() throws Exception {
        adapter = SlackAdapter.create(settings().build(), core, hooks.hooks());
        adapter.startSocketMode();
        socket.awaitConnections(1, WAIT);
        int opened = api.calls("apps.connections.open").size();

        socket.sendDisconnect();
        socket.awaitConnections(2, WAIT);
        String envelope = socket.sendEvent(
                SlackPayloads.appMention(
                        "Ev9", CHANNEL, "U0PAT", "<@" + BOT_USER + "> still there?", api.nextTs(), null),
                0);

        socket.awaitAck(envelope, WAIT);
        api.await("chat.postMessage", 1, WAIT);
        assertThat(api.calls("apps.connections.open").size()).isGreaterThan(opened);
    }

    @Test
    void records_feedback_clicks_sent_as_interactive_envelopes() throws Exception {
        adapter = SlackAdapter.create(settings().build(), core, hooks.hooks());
        adapter.startSocketMode();
        socket.awaitConnections(1, WAIT);

        String envelope = socket.sendInteractive(SlackPayloads.blockAction(
                "docent_feedback_up", "unknown-answer", "U0PAT", CHANNEL, api.nextTs(), api.nextTs()));

        socket.awaitAck(envelope, WAIT);
        api.await("chat.postEphemeral", 1, WAIT);
        assertThat(adapter.metrics().snapshot()).containsEntry("slack_feedback_up", 1L);
    }

    @Test
    void refuses_to_start_with_an_app_token_slack_rejects() throws Exception {
        adapter = SlackAdapter.create(
                settings().appToken("xapp-wrong-secret-value").build(), core, hooks.hooks());

        assertThatThrownBy(adapter::startSocketMode)
                .isInstanceOf(DocentException.AuthenticationFailed.class)
                .hasMessageContaining("SLACK_APP_TOKEN")
                .hasMessageNotContaining("xapp-wrong-secret-value");
    }
}
