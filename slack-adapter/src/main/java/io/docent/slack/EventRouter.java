package io.docent.slack;

import io.docent.slack.event.Deduplicator;
import io.docent.slack.event.IncomingMessage;
import io.docent.slack.event.ThreadMemory;
import io.docent.slack.event.Triage;
import io.docent.slack.reply.Replier;
import io.docent.slack.reply.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ack path: decides what a message needs and starts the work, in microseconds and without network calls, so
 * Slack gets its ack well within its 3 seconds. The order matters for "exactly one answer": the event id is claimed
 * first (Slack's retries), then the message's channel + ts (one message delivered as both {@code app_mention} and
 * {@code message}); a reply that may follow up a thread of Docent's is claimed by the worker once it knows.
 */
final class EventRouter {

    private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

    private final Triage triage;
    private final Deduplicator dedup;
    private final ThreadMemory threads;
    private final Replier replier;
    private final Workers workers;
    private final SlackMetrics metrics;

    EventRouter(
            Triage triage,
            Deduplicator dedup,
            ThreadMemory threads,
            Replier replier,
            Workers workers,
            SlackMetrics metrics) {
        this.triage = triage;
        this.dedup = dedup;
        this.threads = threads;
        this.replier = replier;
        this.workers = workers;
        this.metrics = metrics;
    }

    void route(IncomingMessage m) {
        metrics.event();
        if (!dedup.firstEvent(m.eventId())) {
            metrics.duplicate();
            log.debug("Dropped a repeated delivery of event {}", m.eventId());
            return;
        }
        switch (triage.decide(m)) {
            case IGNORE -> {}
            case HELP -> {
                if (claim(m)) {
                    start(m, () -> replier.help(m));
                }
            }
            case ANSWER -> {
                if (claim(m)) {
                    start(m, () -> replier.answer(m, false));
                }
            }
            case MAYBE_FOLLOW_UP -> {
                switch (threads.state(m.threadKey())) {
                    case ANSWERED -> {
                        if (claim(m)) {
                            start(m, () -> replier.answer(m, false));
                        }
                    }
                    case UNKNOWN -> start(m, () -> replier.answer(m, true));
                    case NOT_ANSWERED -> {}
                }
            }
        }
    }

    private boolean claim(IncomingMessage m) {
        if (dedup.firstMessage(m.channel(), m.ts())) {
            return true;
        }
        metrics.duplicate();
        log.debug("Dropped a second delivery of message {} in {}", m.ts(), m.channel());
        return false;
    }

    /** Starts {@code job} off the ack path; only a closing adapter refuses it. */
    private void start(IncomingMessage m, Runnable job) {
        if (!workers.run(job)) {
            log.warn("Slack is shutting down; {} in {} is not answered", m.ts(), m.channel());
        }
    }
}
