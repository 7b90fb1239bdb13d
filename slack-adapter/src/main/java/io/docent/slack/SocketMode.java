package io.docent.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
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
    private final SocketModeClient client;

    private SocketMode(SocketModeApp socketModeApp, SocketModeClient client) {
        this.socketModeApp = socketModeApp;
        this.client = client;
    }

    static SocketMode start(Slack slack, App app, String appToken) {
        SocketModeClient client;
        try {
            client = slack.socketMode(appToken, SocketModeClient.Backend.Tyrus);
        } catch (IOException | RuntimeException e) {
            // Bolt's message for a refused token is "... (error: invalid_auth)"; it never contains the token.
            throw new DocentException.AuthenticationFailed(
                    "Socket Mode could not start: apps.connections.open failed (" + e.getMessage()
                            + "); check SLACK_APP_TOKEN (an app-level token, xapp-..., with connections:write)",
                    e);
        }
        SocketModeApp socketModeApp = new SocketModeApp(client, app);
        try {
            socketModeApp.startAsync();
        } catch (Exception e) {
            closeQuietly(client);
            throw new DocentException("Socket Mode could not connect: " + e.getMessage(), e);
        }
        log.info("Slack: Socket Mode connected");
        return new SocketMode(socketModeApp, client);
    }

    @Override
    public void close() {
        try {
            socketModeApp.stop();
        } catch (Exception e) {
            log.debug("Stopping Socket Mode failed", e);
        }
        closeQuietly(client);
    }

    private static void closeQuietly(SocketModeClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the Socket Mode client failed", e);
        }
    }
}
