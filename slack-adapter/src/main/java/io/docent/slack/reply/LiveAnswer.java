package io.docent.slack.reply;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.DocentException;
import io.docent.slack.event.IncomingMessage;
import io.docent.slack.format.AnswerMessage;
import io.docent.slack.format.Mrkdwn;
import io.docent.slack.format.SlackMessage;
import io.docent.slack.format.StreamEnd;
import io.docent.slack.web.SlackWeb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An answer shown in its thread while the core writes it (the {@link AnswerProgress} the Slack adapter gives the
 * core), in the best form the workspace allows:
 *
 * <ol>
 *   <li><b>streamed</b> with Slack's streaming methods: {@code chat.startStream} with the first words, {@code
 *       chat.appendStream} with the new text at most every {@link #APPEND_INTERVAL}, then {@code chat.stopStream}
 *       with the rest, the sources and the feedback buttons (Slack's {@code feedback_buttons} element);
 *   <li><b>updated</b>: one message made with the first words ({@code chat.postMessage}, or the "Searching the
 *       documents…" placeholder when that is the sign of work) and {@code chat.update}d with the text so far at most
 *       every {@link #UPDATE_INTERVAL} (Slack allows about one message a second per channel), then with the final
 *       message.
 * </ol>
 *
 * <p>Threads. {@link #written} runs on the answering thread and must be quick: it keeps the newest text and wakes a
 * sender, a virtual thread started at the first words, which makes the Web API calls at its own pace. A slow Slack
 * never slows the answer, and texts that arrive while a call is in flight go together with the next call. {@link
 * #finish} (the answering thread again, once the core has returned) stops the sender, waits for its call in flight,
 * and sends the end itself at once: the complete text never waits for pacing, nor is it lost to a skipped call.
 * Until the first words, the sign of work ({@link Progress}: the assistant status, 👀) stays as it is.
 *
 * <p>Failures. A workspace without streaming (an unknown method, a token or plan that may not use it) turns streaming
 * off for the whole process, as {@link Progress} does for statuses; a stream refused for one answer (a rate limit, a
 * channel type) makes that answer an updated one. An interim append or update that fails is skipped: the next call
 * carries its text, and after a 429 nothing is sent before Slack's {@code Retry-After}. A stream that breaks (Slack
 * says it is no longer streaming, or a call fails on the network) is not appended to again. The end is {@code
 * chat.stopStream} with the rest of the text, retried after a 429; if the stream cannot end with the complete text
 * (an error, a broken stream, or a final text that does not continue what was streamed), it is stopped as it is and
 * the message is {@code chat.update}d with the whole answer; if even that fails, {@link #finish} says so and the
 * caller posts the answer once.
 */
final class LiveAnswer implements AnswerProgress {

    /** The shortest time between two appends to a stream ({@code chat.appendStream} is Tier 4, 100+ a minute). */
    static final Duration APPEND_INTERVAL = Duration.ofMillis(500);
    /** The shortest time between two updates of a message (about one message a second per channel). */
    static final Duration UPDATE_INTERVAL = Duration.ofSeconds(1);
    /** Slack's limit on {@code markdown_text} in each streaming call. */
    static final int MAX_MARKDOWN_CHARS = 12_000;

    /** Errors of {@code chat.startStream} meaning the workspace or app cannot stream at all. */
    private static final Set<String> STREAMING_UNAVAILABLE = Set.of(
            "unknown_method",
            "not_allowed_token_type",
            "method_deprecated",
            "deprecated_endpoint",
            "missing_scope",
            "feature_not_enabled",
            "enterprise_is_restricted");
    /** Errors meaning a stream is no longer streaming. */
    private static final Set<String> STREAM_ENDED = Set.of("message_not_in_streaming_state", "message_not_found");
    /** Errors meaning Slack did not accept the blocks under a streamed answer. */
    private static final Set<String> BLOCKS_REFUSED = Set.of("invalid_blocks", "invalid_blocks_format");

    private static final Logger log = LoggerFactory.getLogger(LiveAnswer.class);

    /** What this process found the workspace lacks, shared by every answer. */
    static final class Features {
        final AtomicBoolean streaming = new AtomicBoolean(true);
        final AtomicBoolean feedbackButtons = new AtomicBoolean(true);
    }

    private enum Way {
        NOT_YET,
        STREAMED,
        UPDATED,
        NONE
    }

    private final SlackWeb web;
    private final IncomingMessage message;
    private final Progress progress;
    private final String team;
    private final Features features;
    private final Ticker ticker;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private String latest = "";
    private boolean finishing;
    private Thread sender;

    // the sender's own; finish() reads them after the sender has ended
    private Way way = Way.NOT_YET;
    private boolean streamStarted;
    private String ts;
    private String shown = "";
    private boolean called;
    private long lastCall;
    private long quietUntil;

    /**
     * {@code team} is the bot's workspace, the recipient's team for Slack's streaming methods when the event does not
     * name the asker's.
     */
    LiveAnswer(
            SlackWeb web, IncomingMessage message, Progress progress, String team, Features features, Ticker ticker) {
        this.web = web;
        this.message = message;
        this.progress = progress;
        this.team = team;
        this.features = features;
        this.ticker = ticker;
    }

    @Override
    public void written(String textSoFar) {
        if (textSoFar == null || textSoFar.isBlank()) {
            return;
        }
        lock.lock();
        try {
            if (finishing || textSoFar.length() <= latest.length() || !textSoFar.startsWith(latest)) {
                return; // not a longer prefix (the contract says it always is): the end sets the message right
            }
            latest = textSoFar;
            if (sender == null) {
                sender = Thread.ofVirtual().name("docent-slack-live").start(this::send);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the answer shown so far with {@code answer}: the rest of its text, its sources and feedback buttons
     * ({@code answerId}; {@code referenceId} as in {@link AnswerMessage#of}); {@code whole} is the answer as one
     * message, for a message that is updated rather than streamed.
     *
     * @return whether the answer is in the thread; false when nothing was written (or nothing could be shown), and
     *     the caller posts {@code whole} as usual
     */
    boolean finish(Answer answer, String answerId, String referenceId, SlackMessage whole) {
        if (!stopSender()) {
            return false;
        }
        return switch (way) {
            case STREAMED -> {
                StreamEnd plain = AnswerMessage.streamEnd(answer, answerId, referenceId, false);
                StreamEnd end = features.feedbackButtons.get()
                        ? AnswerMessage.streamEnd(answer, answerId, referenceId, true)
                        : plain;
                yield endStream(end, plain, whole);
            }
            case UPDATED -> replace(whole);
            case NOT_YET, NONE -> false;
        };
    }

    /**
     * Ends the answer shown so far with {@code text} (a failure's short reply) under what was written.
     *
     * @return whether the text is in the thread; false when nothing was shown, and the caller posts it
     */
    boolean fail(String text) {
        if (!stopSender()) {
            return false;
        }
        String written = written();
        StreamEnd end = new StreamEnd(written + "\n\n" + text, List.of());
        SlackMessage whole = SlackMessage.text(Mrkdwn.fromMarkdown(written) + "\n\n" + text);
        return switch (way) {
            case STREAMED -> endStream(end, end, whole);
            case UPDATED -> replace(whole);
            case NOT_YET, NONE -> false;
        };
    }

    /** Tells the sender to stop and waits for it; false when there is none (nothing was written). */
    private boolean stopSender() {
        Thread running;
        lock.lock();
        try {
            if (finishing) {
                return false; // ended already
            }
            finishing = true;
            changed.signalAll();
            running = sender;
        } finally {
            lock.unlock();
        }
        if (running == null) {
            return false;
        }
        try {
            running.join();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String written() {
        lock.lock();
        try {
            return latest;
        } finally {
            lock.unlock();
        }
    }

    private void send() {
        try {
            for (String text = next(); text != null; text = next()) {
                switch (way) {
                    case NOT_YET -> begin(text);
                    case STREAMED -> append(text);
                    case UPDATED -> update(text);
                    case NONE -> {}
                }
                called = true;
                lastCall = ticker.read(); // paced from the end of a call: Slack sees them at least that far apart
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            way = way == Way.NOT_YET ? Way.NONE : way;
            log.warn("Showing the answer in {} as it is written failed", message.channel(), e);
        }
    }

    /** The text to show next, once it is due; {@code null} when the answer is finishing or cannot be shown. */
    private String next() throws InterruptedException {
        lock.lock();
        try {
            while (!finishing && way != Way.NONE) {
                if (latest.length() == shown.length()) {
                    changed.await();
                    continue;
                }
                long wait = dueInNanos();
                if (wait <= 0) {
                    return latest;
                }
                changed.awaitNanos(wait);
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private long dueInNanos() {
        if (!called) {
            return 0; // the first words at once
        }
        long interval = (way == Way.STREAMED ? APPEND_INTERVAL : UPDATE_INTERVAL).toNanos();
        return Math.max(lastCall + interval, quietUntil) - ticker.read();
    }

    private void begin(String text) {
        String placeholder = progress.placeholderTs();
        if (placeholder != null) {
            ts = placeholder;
            way = Way.UPDATED;
            update(text);
            return;
        }
        if (features.streaming.get() && startStream(text)) {
            return;
        }
        SlackMessage first = AnswerMessage.writing(text);
        try {
            var posted = web.postMessage(message.channel(), message.replyThreadTs(), first.text(), first.blocks());
            if (posted.isOk()) {
                ts = posted.getTs();
                shown = text;
                way = Way.UPDATED;
                progress.answered();
                return;
            }
            log.warn("Could not post the first words in {}: {}", message.channel(), posted.getError());
        } catch (DocentException e) {
            log.warn("Could not post the first words in {}: {}", message.channel(), e.getMessage());
        }
        way = Way.NONE; // the answer is posted whole at the end
    }

    private boolean startStream(String text) {
        String first = pieces(text).getFirst();
        try {
            // the asker's own workspace when the event names it (Slack Connect, Enterprise Grid), else the bot's
            String recipientTeam = message.team().isEmpty() ? team : message.team();
            var r = web.startStream(message.channel(), message.replyThreadTs(), message.user(), recipientTeam, first);
            if (r.isOk()) {
                ts = r.getTs();
                shown = first;
                way = Way.STREAMED;
                streamStarted = true;
                progress.answered();
                return true;
            }
            if (STREAMING_UNAVAILABLE.contains(r.getError())) {
                if (features.streaming.getAndSet(false)) {
                    log.info("Slack streaming unavailable ({}); answers are shown by updating a message", r.getError());
                }
            } else {
                log.info("chat.startStream in {} refused ({}); updating a message", message.channel(), r.getError());
            }
        } catch (DocentException.RateLimited e) {
            log.info("chat.startStream in {} rate-limited; updating a message", message.channel());
        } catch (DocentException e) {
            log.warn("chat.startStream in {} failed ({}); updating a message", message.channel(), e.getMessage());
        }
        return false;
    }

    private void append(String text) {
        try {
            for (String piece : pieces(text.substring(shown.length()))) {
                var r = web.appendStream(message.channel(), ts, piece);
                if (!r.isOk()) {
                    if (STREAM_ENDED.contains(r.getError())) {
                        broken(r.getError());
                    } else {
                        log.debug("chat.appendStream in {} refused: {}", message.channel(), r.getError());
                    }
                    return;
                }
                shown = shown + piece;
            }
        } catch (DocentException.RateLimited e) {
            quiet(e);
        } catch (DocentException e) {
            broken(e.getMessage()); // Slack may or may not have appended it: only a whole update is sure
        }
    }

    private void broken(String why) {
        log.info("The stream in {} broke ({}); updating its message instead", message.channel(), why);
        way = Way.UPDATED;
    }

    private void update(String text) {
        SlackMessage partial = AnswerMessage.writing(text);
        try {
            var r = web.updateOnce(message.channel(), ts, partial.text(), partial.blocks());
            if (r.isOk()) {
                shown = text;
            } else {
                log.debug("chat.update in {} refused: {}", message.channel(), r.getError());
            }
        } catch (DocentException.RateLimited e) {
            quiet(e);
        } catch (DocentException e) {
            log.debug("chat.update in {} failed: {}", message.channel(), e.getMessage());
        }
    }

    private void quiet(DocentException.RateLimited e) {
        long wait = Math.max(e.retryAfterMillis(), UPDATE_INTERVAL.toMillis());
        quietUntil = ticker.read() + TimeUnit.MILLISECONDS.toNanos(wait);
        log.info("Slack rate-limited the answer in {}; quiet for {} ms", message.channel(), wait);
    }

    private boolean endStream(StreamEnd end, StreamEnd plain, SlackMessage whole) {
        if (!end.markdown().startsWith(shown)) {
            log.warn("The answer in {} does not continue what was streamed; replacing it", message.channel());
            return stopThenReplace(whole);
        }
        List<String> rest = pieces(end.markdown().substring(shown.length()));
        try {
            for (String piece : rest.subList(0, Math.max(0, rest.size() - 1))) {
                var r = web.appendStream(message.channel(), ts, piece);
                if (!r.isOk()) {
                    log.warn("chat.appendStream in {} failed ({}); replacing it", message.channel(), r.getError());
                    return stopThenReplace(whole);
                }
            }
            String last = rest.isEmpty() ? null : rest.getLast();
            var r = web.stopStream(message.channel(), ts, last, end.blocks());
            if (r.isOk()) {
                return true;
            }
            if (BLOCKS_REFUSED.contains(r.getError()) && end != plain) {
                log.info("Slack refused feedback_buttons ({}); using buttons of its own", r.getError());
                features.feedbackButtons.set(false);
                r = web.stopStream(message.channel(), ts, last, plain.blocks());
                if (r.isOk()) {
                    return true;
                }
            }
            log.warn("chat.stopStream in {} failed ({}); replacing the message", message.channel(), r.getError());
        } catch (DocentException e) {
            log.warn("chat.stopStream in {} failed ({}); replacing the message", message.channel(), e.getMessage());
        }
        return stopThenReplace(whole);
    }

    private boolean stopThenReplace(SlackMessage whole) {
        try {
            var r = web.stopStream(message.channel(), ts, null, null); // as it is, if it still streams
            if (!r.isOk()) {
                log.debug("chat.stopStream in {}: {}", message.channel(), r.getError());
            }
        } catch (DocentException e) {
            log.debug("chat.stopStream in {} failed: {}", message.channel(), e.getMessage());
        }
        return replaceMessage(whole);
    }

    private boolean replace(SlackMessage whole) {
        return streamStarted ? stopThenReplace(whole) : replaceMessage(whole);
    }

    private boolean replaceMessage(SlackMessage whole) {
        try {
            var blocks = whole.blocks().isEmpty() ? null : whole.blocks();
            var r = web.update(message.channel(), ts, whole.text(), blocks);
            if (r.isOk()) {
                return true;
            }
            log.warn("chat.update of the answer in {} failed ({}); posting it", message.channel(), r.getError());
        } catch (DocentException e) {
            log.warn("chat.update of the answer in {} failed ({}); posting it", message.channel(), e.getMessage());
        }
        return false;
    }

    /** {@code text} in pieces of at most {@link #MAX_MARKDOWN_CHARS}, never between the halves of a surrogate pair. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + MAX_MARKDOWN_CHARS);
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--;
            }
            pieces.add(text.substring(from, to));
            from = to;
        }
        return pieces;
    }
}
