package io.docent.slack.reply;

import com.slack.api.methods.SlackApiTextResponse;
import io.docent.core.DocentException;
import io.docent.slack.event.IncomingMessage;
import io.docent.slack.format.SlackMessage;
import io.docent.slack.web.SlackWeb;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visible sign that Docent is working on a question, shown at once and replaced by the answer. The best the
 * workspace allows, in order:
 *
 * <ol>
 *   <li>in a direct message, the assistant thread status ({@code assistant.threads.setStatus}: "is searching the
 *       documents…"), which Slack clears when the answer is posted. Needs the app's agent features and the
 *       {@code assistant:write} scope; the first refusal for lack of them turns it off for the whole process
 *   <li>a 👀 reaction on the question ({@code reactions.add}), removed when the answer is posted
 *   <li>a "Searching the documents…" message in the thread, which becomes the answer ({@code chat.update})
 * </ol>
 *
 * The sign is shown on a virtual thread of its own while the core works, so its Web API round trips do not delay
 * the answer; delivering the answer waits for it (a placeholder must exist before it can become the answer). A
 * failure to show progress never stops the answer.
 */
final class Progress {

    static final String STATUS = "is searching the documents…";
    static final String REACTION = "eyes";
    static final String PLACEHOLDER = "_Searching the documents…_";
    /** Errors meaning the workspace or app cannot use assistant statuses at all. */
    private static final Set<String> STATUS_UNAVAILABLE = Set.of(
            "missing_scope",
            "not_allowed_token_type",
            "unknown_method",
            "method_deprecated",
            "no_permission",
            "feature_not_enabled");

    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    private enum Mode {
        NONE,
        STATUS,
        REACTION,
        PLACEHOLDER
    }

    private final SlackWeb web;
    private final IncomingMessage message;
    private final CompletableFuture<Mode> shown = new CompletableFuture<>();
    private volatile String placeholderTs;
    private volatile boolean delivered;

    private Progress(SlackWeb web, IncomingMessage message) {
        this.web = web;
        this.message = message;
    }

    /**
     * Starts showing progress for {@code message} and returns at once; {@code statusAvailable} is shared by all
     * questions and may be turned off.
     */
    static Progress show(SlackWeb web, IncomingMessage message, AtomicBoolean statusAvailable) {
        Progress progress = new Progress(web, message);
        Thread.ofVirtual().name("docent-slack-progress").start(() -> {
            Mode mode = Mode.NONE;
            try {
                mode = progress.firstThatWorks(statusAvailable);
            } catch (RuntimeException e) {
                log.warn("Could not show progress in {}: {}", message.channel(), e.getMessage());
            } finally {
                progress.shown.complete(mode);
            }
        });
        return progress;
    }

    private Mode mode() {
        return shown.join();
    }

    private Mode firstThatWorks(AtomicBoolean statusAvailable) {
        String channel = message.channel();
        if (message.direct() && statusAvailable.get()) {
            SlackApiTextResponse r = web.setAssistantStatus(channel, message.replyThreadTs(), STATUS);
            if (r.isOk()) {
                return Mode.STATUS;
            }
            if (STATUS_UNAVAILABLE.contains(r.getError())) {
                log.info("Assistant thread status unavailable ({}); showing a reaction instead", r.getError());
                statusAvailable.set(false);
            }
        }
        SlackApiTextResponse r = web.addReaction(channel, message.ts(), REACTION);
        if (r.isOk() || "already_reacted".equals(r.getError())) {
            return Mode.REACTION;
        }
        var posted = web.postMessage(channel, message.replyThreadTs(), PLACEHOLDER, null);
        if (posted.isOk()) {
            placeholderTs = posted.getTs();
            return Mode.PLACEHOLDER;
        }
        log.warn("Could not show progress in {}: {}", channel, posted.getError());
        return Mode.NONE;
    }

    /**
     * The "Searching the documents…" message's timestamp, once the sign of work is shown, when that is the sign;
     * else {@code null}. An answer shown while it is written becomes this message.
     */
    String placeholderTs() {
        return mode() == Mode.PLACEHOLDER ? placeholderTs : null;
    }

    /** The answer (or its first words) is in the thread by other means than {@link #deliver}. */
    void answered() {
        delivered = true;
    }

    /** Posts {@code reply} in the thread, in place of the placeholder if there is one. */
    void deliver(SlackMessage reply) {
        String channel = message.channel();
        var blocks = reply.blocks().isEmpty() ? null : reply.blocks();
        if (mode() == Mode.PLACEHOLDER) {
            var updated = web.update(channel, placeholderTs, reply.text(), blocks);
            if (updated.isOk()) {
                delivered = true;
                return;
            }
            log.warn("chat.update of the placeholder in {} failed ({}); posting instead", channel, updated.getError());
        }
        var posted = web.postMessage(channel, message.replyThreadTs(), reply.text(), blocks);
        if (!posted.isOk()) {
            throw new DocentException("chat.postMessage in " + channel + " failed: " + posted.getError());
        }
        delivered = true;
    }

    /** Takes the sign of work away (the status clears itself once the answer is posted). */
    void finish() {
        try {
            Mode mode = mode();
            if (mode == Mode.REACTION) {
                web.removeReaction(message.channel(), message.ts(), REACTION);
            } else if (mode == Mode.STATUS && !delivered) {
                web.setAssistantStatus(message.channel(), message.replyThreadTs(), "");
            }
        } catch (DocentException e) {
            log.debug("Could not take the progress sign away in {}: {}", message.channel(), e.getMessage());
        }
    }
}
