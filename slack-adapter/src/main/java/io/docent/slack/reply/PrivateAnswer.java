package io.docent.slack.reply;

import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.Question;
import io.docent.core.UserTexts;
import io.docent.core.feedback.AnsweredMessage;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.slack.SlackMetrics;
import io.docent.slack.event.IncomingMessage;
import io.docent.slack.format.AnswerMessage;
import io.docent.slack.format.SlackMessage;
import io.docent.slack.web.SlackWeb;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fuller answer for an asker who may read more than the channel they asked in. The channel got the answer every
 * member may see, with a note; this asks the core again as the same person in private (same text, history and
 * scope) and shows the answer to them alone: an ephemeral message in the thread ({@code chat.postEphemeral}), or,
 * when Slack refuses that (the person left the channel, an archived channel...), a direct message
 * ({@code conversations.open} and {@code chat.postMessage}).
 *
 * <p>The private answer never enters the channel: ephemeral messages are not in {@code conversations.replies}, so
 * they are no part of the thread's history, and its feedback entry is kept for its asker alone.
 */
final class PrivateAnswer {

    static final String EPHEMERAL_INTRO = "_Only you can see this: the answer from all the documents you can read._";
    static final String DIRECT_INTRO = "_Your question in <#%s>, answered from all the documents you can read:_";

    private static final Logger log = LoggerFactory.getLogger(PrivateAnswer.class);

    private final SlackWeb web;
    private final Answerer answerer;
    private final FeedbackRecorder feedback;
    private final SlackMetrics metrics;
    private final Supplier<String> ids;

    PrivateAnswer(
            SlackWeb web, Answerer answerer, FeedbackRecorder feedback, SlackMetrics metrics, Supplier<String> ids) {
        this.web = web;
        this.answerer = answerer;
        this.feedback = feedback;
        this.metrics = metrics;
        this.ids = ids;
    }

    /** Asks {@code shared} (asked in {@code m}'s channel) again privately and sends the answer to its asker. */
    void send(IncomingMessage m, Question shared) {
        String reference = ids.get();
        String who = shared.asker().identity().logRef();
        try {
            Question own = new Question(
                    shared.text(),
                    shared.history(),
                    shared.scope(),
                    shared.asker().inPrivate());
            Answer answer = ask(own, reference);
            String answerId = ids.get();
            feedback.remember(answerId, AnsweredMessage.privateTo(m.user(), shared.text(), answer, m.channel()));
            SlackMessage reply =
                    AnswerMessage.of(answer, answerId, answer.status() == Answer.Status.FAILED ? reference : null);
            boolean delivered = ephemeral(m, reply) || directMessage(m, reply);
            metrics.privateAnswer(delivered);
            if (delivered) {
                log.info("[ref {}] Sent {} a private answer to {} in {}", reference, who, m.ts(), m.channel());
            } else {
                log.error(
                        "[ref {}] Could not send {} the private answer to {} in {}",
                        reference,
                        who,
                        m.ts(),
                        m.channel());
            }
        } catch (RuntimeException e) {
            metrics.privateAnswer(false);
            log.error("[ref {}] The private answer for {} to {} in {} failed", reference, who, m.ts(), m.channel(), e);
        }
    }

    private Answer ask(Question question, String reference) {
        try {
            return answerer.answer(question);
        } catch (RuntimeException e) {
            log.error("[ref {}] The core threw for a private answer", reference, e);
            return Answer.failed(UserTexts.failed(reference));
        }
    }

    private boolean ephemeral(IncomingMessage m, SlackMessage reply) {
        SlackMessage message = AnswerMessage.withIntro(reply, EPHEMERAL_INTRO);
        try {
            var r = web.postEphemeral(m.channel(), m.user(), m.replyThreadTs(), message.text(), message.blocks());
            if (r.isOk()) {
                return true;
            }
            log.info(
                    "chat.postEphemeral in {} refused ({}); sending the private answer as a direct message",
                    m.channel(),
                    r.getError());
        } catch (RuntimeException e) {
            log.info(
                    "chat.postEphemeral in {} failed ({}); sending the private answer as a direct message",
                    m.channel(),
                    e.getMessage());
        }
        return false;
    }

    private boolean directMessage(IncomingMessage m, SlackMessage reply) {
        SlackMessage message = AnswerMessage.withIntro(reply, DIRECT_INTRO.formatted(m.channel()));
        try {
            var opened = web.openDirectMessage(m.user());
            if (!opened.isOk() || opened.getChannel() == null) {
                log.warn("conversations.open with {} failed: {}", m.user(), opened.getError());
                return false;
            }
            var posted = web.postMessage(opened.getChannel().getId(), null, message.text(), message.blocks());
            if (!posted.isOk()) {
                log.warn("chat.postMessage to the direct message with {} failed: {}", m.user(), posted.getError());
            }
            return posted.isOk();
        } catch (RuntimeException e) {
            log.warn("The direct message to {} failed: {}", m.user(), e.getMessage());
            return false;
        }
    }
}
