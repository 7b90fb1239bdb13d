package io.docent.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.SocketModeClient;
import io.docent.core.DocentException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode connection: {@code apps.connections.open} (on the configured Web API URL) gives a WebSocket URL,
 * Bolt's client (Tyrus) connects and acks each envelope by its {@code envelope_id} once the listener returned.
 * Bolt's client reconnects by itself: on a {@code disconnect} message at once, and when the connection is lost
 * within about five seconds (its session monitor).
 */
final class SocketMode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SocketMode.class);

    private final SocketModeApp socketModeApp;

    private SocketMode(SocketModeApp socketModeApp) {
        this.socketModeApp = socketModeApp;
    }

    static SocketMode start(Slack slack, App app, String appToken) {
        checkAppToken(slack, appToken);
        SocketModeApp socketModeApp;
        try {
            // This constructor (not the one taking a client) registers Bolt's listener on the client it creates.
            socketModeApp = new SocketModeApp(appToken, app, SocketModeClient.Backend.Tyrus);
            socketModeApp.startAsync();
        } catch (Exception e) {
            throw new DocentException("Socket Mode could not connect: " + e.getMessage(), e);
        }
        log.info("Slack: Socket Mode connected");
        return new SocketMode(socketModeApp);
    }

    /** apps.connections.open once up front: Bolt would only log a refused token and go on without a connection. */
    private static void checkAppToken(Slack slack, String appToken) {
        AppsConnectionsOpenResponse response;
        try {
            response = slack.methods().appsConnectionsOpen(r -> r.token(appToken));
        } catch (IOException | SlackApiException e) {
            throw new DocentException("cannot reach Slack to open a Socket Mode connection: " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw new DocentException.AuthenticationFailed(
                    "Slack refused SLACK_APP_TOKEN (apps.connections.open: " + response.getError()
                            + "); set it to an app-level token (xapp-...) with the connections:write scope",
                    null);
        }
    }

    @Override
    public void close() {
        SocketModeClient client = socketModeApp.getClient();
        try {
            socketModeApp.stop();
            if (client != null) {
                client.close(); // SocketModeApp.stop() leaves the client's executors running
            }
        } catch (Exception e) {
            log.debug("Stopping Socket Mode failed", e);
        }
    }
}
