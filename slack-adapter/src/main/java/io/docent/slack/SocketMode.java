package io.docent.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.impl.SocketModeClientTyrusImpl;
import com.slack.api.socket_mode.queue.SocketModeMessageQueue;
import com.slack.api.socket_mode.response.AckResponse;
import io.docent.core.DocentException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode connection: {@code apps.connections.open} (on the configured Web API URL) gives a WebSocket URL,
 * Bolt's Tyrus client connects, and each envelope is run through the Bolt app and acked by its
 * {@code envelope_id}. Bolt's client reconnects by itself: at once on a {@code disconnect} message, and within
 * about five seconds when the connection is lost (its session monitor).
 *
 * <p>Why not Bolt's {@code SocketModeApp}: its client puts incoming messages in a queue that one thread polls every
 * 10 ms, one message per poll and processor, so a burst of 50 events waits up to ~50 ms for its acks. Here the
 * queue hands each message to a virtual thread at once, and the ack follows as soon as the listener returned
 * (which it does in microseconds: the answering happens on Docent's own workers). The dispatch below is what
 * {@code SocketModeApp.runBoltApp} does for a plain ack.
 */
final class SocketMode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SocketMode.class);

    private final SocketModeClient client;
    private final ExecutorService dispatch;

    private SocketMode(SocketModeClient client, ExecutorService dispatch) {
        this.client = client;
        this.dispatch = dispatch;
    }

    static SocketMode start(Slack slack, App app, String appToken) {
        String url = openConnection(slack, appToken);
        ExecutorService dispatch = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("docent-slack-socket-", 0).factory());
        var queue = new DispatchingQueue(dispatch);
        SocketModeClient client;
        try {
            client = new SocketModeClientTyrusImpl(
                    slack,
                    appToken,
                    url,
                    1,
                    queue,
                    true,
                    true,
                    SocketModeClient.DEFAULT_SESSION_MONITOR_INTERVAL_MILLISECONDS);
        } catch (URISyntaxException e) {
            dispatch.shutdown();
            throw new DocentException("Slack's Socket Mode URL is not a URL: " + e.getMessage(), e);
        }
        queue.client = client;
        var parser = new SocketModeRequestParser(app.config());
        client.addWebSocketMessageListener(message -> acknowledge(app, client, parser, message));
        app.start();
        try {
            client.connect(); // Bolt logs a failure and its session monitor keeps trying
        } catch (IOException e) {
            log.warn("Socket Mode: first connection failed ({}); retrying in the background", e.getMessage());
        }
        log.info("Slack: Socket Mode started");
        return new SocketMode(client, dispatch);
    }

    /** apps.connections.open: the WebSocket URL, or a clear error naming SLACK_APP_TOKEN. */
    private static String openConnection(Slack slack, String appToken) {
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
        return response.getUrl();
    }

    private static void acknowledge(App app, SocketModeClient client, SocketModeRequestParser parser, String message) {
        SocketModeRequest request = parser.parse(message);
        if (request == null) {
            return; // hello, or a type without an envelope
        }
        try {
            Response response = app.run(request.getBoltRequest());
            if (response.getStatusCode() != 200) {
                log.warn(
                        "Socket Mode: {} not acked (status {})",
                        request.getEnvelope().getType(),
                        response.getStatusCode());
                return;
            }
            client.sendSocketModeResponse(new AckResponse(request.getEnvelope().getEnvelopeId()));
        } catch (Exception e) {
            log.error("Socket Mode: envelope {} failed", request.getEnvelope().getEnvelopeId(), e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the Socket Mode client failed", e);
        }
        dispatch.shutdown();
        try {
            dispatch.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Bolt's message queue, replaced: every message goes to a thread of its own at once; nothing is polled. */
    private static final class DispatchingQueue implements SocketModeMessageQueue {
        private final ExecutorService dispatch;
        private volatile SocketModeClient client;

        DispatchingQueue(ExecutorService dispatch) {
            this.dispatch = dispatch;
        }

        @Override
        public void add(String message) {
            try {
                dispatch.execute(() -> {
                    try {
                        client.processMessage(message);
                    } catch (IOException | RuntimeException e) {
                        log.error("Socket Mode: a message could not be processed", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                log.debug("Socket Mode: a message arrived while closing; Slack will deliver it again");
            }
        }

        @Override
        public String poll() {
            return null;
        }
    }
}
