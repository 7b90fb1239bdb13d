package io.docent.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.net.httpserver.HttpExchange;
import io.docent.core.AnswerProgress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent events of {@code POST /api/chat/stream}, written to one response: {@code text} events with the
 * answer's text so far ({@link ChatJson#written}), then one {@code answer} event with the final answer as {@code POST
 * /api/chat} returns it, or, should even that fail, an {@code error} event. Each event's data is one line of JSON.
 *
 * <p>The first text goes out at once; later ones at most every {@link #MIN_INTERVAL}, each carrying the whole text so
 * far, so a client that misses or skips one loses nothing and the final event settles all. A client that went away
 * is noticed at the first failed write; nothing more is written and the answer itself goes on.
 */
final class AnswerEvents implements AnswerProgress {

    /** At most ten text events a second: enough to look live, few enough to keep the page and network calm. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(AnswerEvents.class);

    private final OutputStream out;
    private final Ticker ticker;
    private long lastSent;
    private boolean sentText;
    private boolean gone;

    /** Starts the event stream: status 200 and the event-stream headers are sent now. */
    AnswerEvents(HttpExchange exchange, Ticker ticker) throws IOException {
        this.ticker = ticker;
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/event-stream; charset=utf-8");
        headers.set("X-Accel-Buffering", "no"); // a reverse proxy must pass each event on as it comes
        exchange.sendResponseHeaders(200, 0);
        this.out = exchange.getResponseBody();
    }

    @Override
    public void written(String textSoFar) {
        long now = ticker.read();
        if (sentText && now - lastSent < MIN_INTERVAL.toNanos()) {
            return; // the next event, or the final one, carries this text too
        }
        sentText = true;
        lastSent = now;
        send("text", ChatJson.written(textSoFar));
    }

    /** The final answer; the last event. */
    void answer(JsonNode answer) {
        send("answer", answer);
    }

    /** A failure that left no answer to send; the last event. */
    void error(String message) {
        send("error", ChatJson.error(500, message));
    }

    private void send(String event, JsonNode data) {
        if (gone) {
            return;
        }
        try {
            String line = ChatJson.MAPPER.writeValueAsString(data);
            out.write(("event: " + event + "\ndata: " + line + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            gone = true;
            log.info("The web chat's client went away while its answer was streamed: {}", e.getMessage());
        }
    }
}
