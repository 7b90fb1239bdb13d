package io.docent.slack.reply;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.model.Message;
import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.Question;
import io.docent.core.Turn;
import io.docent.core.UserTexts;
import io.docent.core.feedback.AnsweredMessage;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.slack.Hooks;
import io.docent.slack.SlackMetrics;
import io.docent.slack.access.Askers;
import io.docent.slack.event.BotIdentity;
import io.docent.slack.event.Deduplicator;
import io.docent.slack.event.IncomingMessage;
import io.docent.slack.event.ThreadMemory;
import io.docent.slack.format.AnswerMessage;
import io.docent.slack.format.SlackMarkup;
import io.docent.slack.format.SlackMessage;
import io.docent.slack.scope.ChannelScopes;
import io.docent.slack.web.SlackWeb;
import io.docent.slack.web.UserDirectory;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one message in its thread; runs on a worker, never on Slack's ack path. Every path ends in a reply or a
 * deliberate silence (a thread that turned out not to be Docent's): any failure becomes a short, honest message
 * with a reference id, and the same id is in the log with the details.
 *
 * <p>The question carries who asks and who will see the answer ({@link Askers}); the core decides what that allows.
 * When a channel answer says the asker could read more ({@link Answer#moreInPrivate()}), the asker is also sent the
 * fuller answer privately ({@link PrivateAnswer}).
 *
 * <p>An answer the core writes gradually (with a language model) is shown as it is written ({@link LiveAnswer});
 * one written at once (the extractive default, refusals, failures) is posted as one message, as always.
 */
public final class Replier {

    /** The newest messages of a thread kept for its history; the history window keeps far fewer turns anyway. */
    static final int MAX_THREAD_MESSAGES = 1_000;
    /** Pages of 200 read at most: threads of up to 10,000 messages are read to their newest end. */
    static final int MAX_THREAD_PAGES = 50;

    static final String HELP = "Hi! Ask me a question about our documents, like `@Docent how many days of holiday do"
            + " I get?` I answer in a thread, with links to my sources; reply in the thread to follow up.";

    private static final Logger log = LoggerFactory.getLogger(Replier.class);

    private final SlackWeb web;
    private final Answerer answerer;
    private final BotIdentity bot;
    private final ThreadHistory history;
    private final UserDirectory users;
    private final ChannelScopes scopes;
    private final Askers askers;
    private final PrivateAnswer privately;
    private final ThreadMemory threads;
    private final Deduplicator dedup;
    private final FeedbackRecorder feedback;
    private final SlackMetrics metrics;
    private final Supplier<String> ids;
    private final Ticker ticker;
    private final AtomicBoolean statusAvailable = new AtomicBoolean(true);
    private final LiveAnswer.Features features = new LiveAnswer.Features();

    public Replier(
            SlackWeb web,
            Answerer answerer,
            BotIdentity bot,
            ThreadHistory history,
            UserDirectory users,
            ChannelScopes scopes,
            Askers askers,
            ThreadMemory threads,
            Deduplicator dedup,
            FeedbackRecorder feedback,
            SlackMetrics metrics,
            Hooks hooks) {
        this.web = web;
        this.answerer = answerer;
        this.bot = bot;
        this.history = history;
        this.users = users;
        this.scopes = scopes;
        this.askers = askers;
        this.threads = threads;
        this.dedup = dedup;
        this.feedback = feedback;
        this.metrics = metrics;
        this.ids = hooks.ids();
        this.ticker = hooks.ticker();
        this.privately = new PrivateAnswer(web, answerer, feedback, metrics, ids);
    }

    /**
     * Answers {@code m}. With {@code checkThread}, {@code m} is a reply without a mention: it is answered only if
     * Docent has a message in its thread (and the message was not answered already).
     */
    public void answer(IncomingMessage m, boolean checkThread) {
        long started = ticker.read();
        Progress progress = null;
        LiveAnswer live = null;
        try {
            if (!checkThread) {
                threads.rememberAnswered(m.threadKey());
                progress = Progress.show(web, m, statusAvailable);
            }
            List<Message> thread = m.threadTs().isEmpty()
                    ? List.of()
                    : web.replies(m.channel(), m.threadTs(), MAX_THREAD_MESSAGES, MAX_THREAD_PAGES);
            if (checkThread) {
                if (!history.docentAnswered(thread)) {
                    threads.rememberNotAnswered(m.threadKey());
                    return;
                }
                threads.rememberAnswered(m.threadKey());
                if (!dedup.firstMessage(m.channel(), m.ts())) {
                    return;
                }
                progress = Progress.show(web, m, statusAvailable);
            }
            String text = SlackMarkup.toPlainText(m.text(), bot.userId(), users::name);
            List<Turn> turns = history.turnsBefore(thread, m.ts(), users::name);
            Question question = new Question(text, turns, scopes.scopeFor(m.channel()), askers.of(m));
            String reference = ids.get();
            long asked = ticker.read();
            live = new LiveAnswer(web, m, progress, bot.teamId(), features, ticker);
            // never throws by contract; if it does, the catch below replies
            Answer answer = answerer.answer(question, live);
            long coreNanos = ticker.read() - asked;
            boolean failed = answer.status() == Answer.Status.FAILED;
            if (failed) {
                log.warn("[ref {}] No answer in {} for {}: {}", reference, m.channel(), m.ts(), answer.text());
            }
            String answerId = ids.get();
            feedback.remember(answerId, AnsweredMessage.of(text, answer, m.channel()));
            SlackMessage reply = AnswerMessage.of(answer, answerId, failed ? reference : null);
            if (!live.finish(answer, answerId, failed ? reference : null, reply)) {
                progress.deliver(reply);
            }
            metrics.reply(answer.status());
            metrics.overhead(ticker.read() - started - coreNanos);
            if (answer.moreInPrivate() && !question.asker().audience().isPrivate()) {
                privately.send(m, question);
            }
        } catch (RuntimeException e) {
            if (progress == null) {
                log.warn("Could not check thread {} for a follow-up: {}", m.threadKey(), e.getMessage(), e);
                return;
            }
            String reference = ids.get();
            log.error("[ref {}] Answering {} in {} failed", reference, m.ts(), m.channel(), e);
            metrics.reply(Answer.Status.FAILED);
            String text = UserTexts.failed(reference);
            try {
                if (live == null || !live.fail(text)) {
                    progress.deliver(SlackMessage.text(text)); // in place of a placeholder, if there is one
                }
            } catch (RuntimeException again) {
                tell(m, text, reference);
            }
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
    }

    /** Replies with a short help text (a mention without a question). */
    public void help(IncomingMessage m) {
        tell(m, HELP, null);
    }

    private void tell(IncomingMessage m, String text, String reference) {
        try {
            var r = web.postMessage(m.channel(), m.replyThreadTs(), text, null);
            if (!r.isOk()) {
                log.error(
                        "{}Could not reply in {}: {}",
                        reference == null ? "" : "[ref " + reference + "] ",
                        m.channel(),
                        r.getError());
            }
        } catch (RuntimeException e) {
            log.error(
                    "{}Could not reply in {}: {}",
                    reference == null ? "" : "[ref " + reference + "] ",
                    m.channel(),
                    e.getMessage());
        }
    }
}
