package io.docent.teams.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import io.docent.teams.message.StreamMessages;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answer streamed into a 1:1 chat, within the limits Teams documents for bot streaming.
 *
 * <p><b>What is sent.</b> {@link #start()} sends a typing indicator, as for any answer. A stream is opened only for
 * an answer that will be written gradually: at {@link #writing()} (a language model starts) with the informative
 * update ("Writing the answer…", Teams' progress bar), or, for an answerer that never announces it, with its first
 * words as the stream's first update; the id the connector returns is the stream's id. An answer that arrives whole
 * (the extractive default) opens no stream and is one message. Then each {@link #written} text becomes a streaming
 * update, but at most one update per {@code interval} (Teams allows about one a second and answers 429 beyond it),
 * and always with the newest text: words written while an update waits for its turn are sent together, never queued
 * one by one. {@link #finish} sends the final message with the stream's id, which replaces what was streamed; an
 * update still waiting then is dropped, since the final message says more.
 *
 * <p><b>Threads.</b> {@code written} comes from the answer's thread and must be quick: it only records the text and
 * wakes the pump, one task at a time on the I/O executor, which does the sending. {@code finish} comes from the same
 * answer thread once the answer is complete; it stops the pump, waits for the call in flight (so the final message
 * is the last thing sent and sequence numbers never cross), then sends. Everything shared is guarded by one lock.
 *
 * <p><b>When Teams says no.</b> A refused informative update (a client or tenant without streaming, another stream
 * open in the chat, a 429) means no stream: the final message goes out as a plain message. A 429 on an update backs
 * off for its {@code Retry-After}; any other refusal of an update (the stream timed out after two minutes, a sequence
 * or content error) stops the updates, and the final message still closes the stream. If Teams refuses the final
 * message, the streamed message is replaced in place with the full answer, or, failing that, the answer is sent as a
 * plain message: the person always ends up with the complete answer, once. Only when the person pressed Stop does
 * nothing more go into the stream: they stopped it.
 */
final class StreamedDelivery implements Delivery {

    private static final Logger log = LoggerFactory.getLogger(StreamedDelivery.class);

    /** How long {@link #finish} waits for a call in flight before sending regardless. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(15);

    private static final int FINAL_ATTEMPTS = 3;

    private enum State {
        /** No stream yet: the typing indicator shows, and the answer may still arrive whole. */
        NOT_OPENED,
        /** The stream's first activity is on its way. */
        OPENING,
        /** Updates may be sent. */
        OPEN,
        /** The stream exists but takes no more updates; the final message still closes it. */
        STOPPED,
        /** The person pressed Stop: nothing more is sent into the stream. */
        CANCELLED,
        /** There is no stream: the final message is a plain message. */
        UNAVAILABLE
    }

    private final AnswerDispatcher dispatcher;
    private final Replies replies;
    private final ConversationReference reference;
    private final String answerId;
    /** The typing indicator, and the answer as one message whenever it does not close a stream. */
    private final PlainDelivery plain;

    private final long intervalNanos;
    private final int maxTextChars;
    private final Runnable whenDone;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private State state = State.NOT_OPENED;
    private String streamId = "";
    private int sequence = 1;
    private String latest = "";
    private String shown = "";
    private long nextUpdateNanos;
    private boolean busy;
    private boolean finishing;
    private int updates;

    /**
     * @param interval the least time between two stream calls (Teams: one second)
     * @param maxTextChars the longest text an update may carry (a longer one waits for the final message)
     * @param whenDone run once the final message was handled (frees the chat for the next stream)
     */
    StreamedDelivery(
            AnswerDispatcher dispatcher,
            Replies replies,
            ConversationReference reference,
            String answerId,
            Duration interval,
            int maxTextChars,
            Runnable whenDone) {
        this.dispatcher = dispatcher;
        this.replies = replies;
        this.reference = reference;
        this.answerId = answerId;
        this.plain = new PlainDelivery(dispatcher, replies, reference, answerId);
        this.intervalNanos = interval.toNanos();
        this.maxTextChars = maxTextChars;
        this.whenDone = whenDone;
    }

    @Override
    public void start() {
        plain.start();
    }

    @Override
    public void writing() {
        lock.lock();
        try {
            openIfNotOpened(null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Opens the stream, with the informative update, or with {@code firstText} as its first update when the answerer
     * did not announce that it writes; lock held.
     */
    private void openIfNotOpened(String firstText) {
        if (state != State.NOT_OPENED || finishing) {
            return;
        }
        state = State.OPENING;
        busy = true;
        if (!dispatcher.io(() -> open(firstText))) {
            busy = false;
            state = State.UNAVAILABLE;
        }
    }

    private void open(String firstText) {
        plain.awaitTyping(); // the typing indicator goes first: nothing but the stream's own activities after the
        // stream
        // opens
        String id = "";
        ConnectorError refused = null;
        Activity first = firstText == null
                ? StreamMessages.informative(StreamMessages.WRITING)
                : StreamMessages.update(null, 1, firstText);
        try {
            id = replies.send(reference, first).join();
        } catch (RuntimeException e) {
            refused = ConnectorError.of(e);
        }
        lock.lock();
        try {
            if (refused != null || id.isBlank()) {
                state = State.UNAVAILABLE;
                log.info(
                        "Teams answer {}: no stream ({}); the answer goes out as one message",
                        answerId,
                        refused == null ? "no stream id" : refused);
            } else {
                streamId = id;
                state = State.OPEN;
                if (firstText != null) {
                    shown = firstText;
                    updates++;
                }
            }
            nextUpdateNanos = System.nanoTime() + intervalNanos;
            busy = false;
            pumpIfNeeded();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void written(String textSoFar) {
        lock.lock();
        try {
            if (finishing
                    || textSoFar == null
                    || textSoFar.length() <= latest.length()
                    || textSoFar.length() > maxTextChars) {
                return;
            }
            latest = textSoFar;
            if (state == State.NOT_OPENED) {
                openIfNotOpened(textSoFar);
                return;
            }
            if (!pumpIfNeeded()) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Starts the pump when there is something to send and nothing else is sending; lock held. */
    private boolean pumpIfNeeded() {
        if (busy || finishing || state != State.OPEN || latest.equals(shown)) {
            return false;
        }
        busy = true;
        if (!dispatcher.io(this::pump)) {
            busy = false;
            return false;
        }
        return true;
    }

    /** Sends updates until there is nothing new, the answer is complete, or the stream takes no more. */
    private void pump() {
        lock.lock();
        try {
            while (!finishing && state == State.OPEN && !latest.equals(shown)) {
                long wait = nextUpdateNanos - System.nanoTime();
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                String text = latest;
                String id = streamId;
                int number = ++sequence;
                ConnectorError refused = null;
                lock.unlock();
                try {
                    replies.send(reference, StreamMessages.update(id, number, text))
                            .join();
                } catch (RuntimeException e) {
                    refused = ConnectorError.of(e);
                } finally {
                    lock.lock();
                }
                if (refused == null) {
                    shown = text;
                    updates++;
                    nextUpdateNanos = System.nanoTime() + intervalNanos;
                } else if (refused.throttled()) {
                    nextUpdateNanos = System.nanoTime() + refused.backOff().toNanos();
                    log.info("Teams answer {}: stream update throttled ({}), backing off", answerId, refused);
                } else {
                    state = refused.cancelledByUser() ? State.CANCELLED : State.STOPPED;
                    log.info("Teams answer {}: stream update refused ({}); no more updates", answerId, refused);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            busy = false;
            changed.signalAll();
            lock.unlock();
        }
    }

    @Override
    public String finish(Activity message) {
        try {
            State last;
            String id;
            lock.lock();
            try {
                finishing = true;
                changed.signalAll();
                long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
                while (busy && deadline - System.nanoTime() > 0) {
                    changed.awaitNanos(deadline - System.nanoTime());
                }
                last = state;
                id = streamId;
                log.debug("Teams answer {}: {} stream updates, stream {}", answerId, updates, last);
            } finally {
                lock.unlock();
            }
            return switch (last) {
                // an answer that arrived whole, no stream, or none known after the wait
                case NOT_OPENED, OPENING, UNAVAILABLE -> plain.finish(message);
                case CANCELLED -> {
                    log.info("Teams answer {}: the person stopped the stream; the final message is not sent", answerId);
                    yield "";
                }
                case OPEN, STOPPED -> close(message, id);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return plain.finish(message);
        } finally {
            whenDone.run();
        }
    }

    /** The final message into the stream; if Teams refuses it, the answer in place, or as a plain message. */
    private String close(Activity message, String id) throws InterruptedException {
        Activity last = StreamMessages.closing(message, id);
        ConnectorError refused = null;
        for (int attempt = 1; attempt <= FINAL_ATTEMPTS; attempt++) {
            try {
                String sent = replies.send(reference, last).join();
                return sent.isBlank() ? id : sent;
            } catch (RuntimeException e) {
                refused = ConnectorError.of(e);
            }
            if (!refused.throttled() || attempt == FINAL_ATTEMPTS) {
                break;
            }
            TimeUnit.NANOSECONDS.sleep(refused.backOff().toNanos());
        }
        if (refused.cancelledByUser()) {
            log.info("Teams answer {}: the person stopped the stream; the final message is not sent", answerId);
            return "";
        }
        log.warn(
                "Teams answer {}: the stream's final message was refused ({}); replacing it in place",
                answerId,
                refused);
        try {
            replies.update(reference, id, message).join();
            return id;
        } catch (RuntimeException e) {
            log.warn(
                    "Teams answer {}: the streamed message could not be replaced ({}); sending the answer as a message",
                    answerId,
                    ConnectorError.of(e));
            return plain.finish(message);
        }
    }
}
