package io.docent.teams.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.Asker;
import io.docent.core.ConversationStore;
import io.docent.core.Question;
import io.docent.core.Turn;
import io.docent.core.UserTexts;
import io.docent.core.feedback.AnsweredMessage;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.teams.access.AskerResolver;
import io.docent.teams.access.Asking;
import io.docent.teams.activity.ConversationContext;
import io.docent.teams.feedback.FeedbackVote;
import io.docent.teams.message.AnswerMessage;
import io.docent.teams.scope.ScopeEntry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One question, answered off the request thread: who asks and who will see the answer (asked of the Bot Connector,
 * so here and not on the request thread), history in, answer out (shown as it is written where the {@link Delivery}
 * can), history appended, final message sent into the same conversation and remembered for feedback under the id
 * Teams gave it. Every failure ends in a short reply with the reference id, and the same id in the log; logs name
 * people by their ids, never their emails.
 */
final class AnswerJob implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AnswerJob.class);

    /** What every job shares. */
    record Services(
            Answerer answerer,
            ConversationStore store,
            FeedbackRecorder feedback,
            Replies replies,
            AskerResolver askers) {}

    /** The final message, and what to remember of it for feedback ({@code null}: it takes no feedback). */
    private record Outcome(Activity message, AnsweredMessage shown) {}

    private final Services services;
    private final ConversationReference reference;
    private final ConversationContext where;
    private final String text;
    private final ScopeEntry scope;
    private final String answerId;
    private final Delivery delivery;

    AnswerJob(
            Services services,
            ConversationReference reference,
            ConversationContext where,
            String text,
            ScopeEntry scope,
            String answerId,
            Delivery delivery) {
        this.services = services;
        this.reference = reference;
        this.where = where;
        this.text = text;
        this.scope = scope;
        this.answerId = answerId;
        this.delivery = delivery;
    }

    @Override
    public void run() {
        Outcome outcome = answer();
        String messageId = delivery.finish(outcome.message());
        if (outcome.shown() != null && !messageId.isEmpty()) {
            services.feedback().remember(FeedbackVote.messageKey(where.place(), messageId), outcome.shown());
        }
    }

    private Outcome answer() {
        Answer answer;
        try {
            Asker asker = services.askers().resolve(asking());
            List<Turn> history = services.store().history(where.conversationId());
            answer = services.answerer().answer(new Question(text, history, scope.scope(), asker), delivery);
            log.info(
                    "Teams answer {}: {} asks ({}) in {} ({})",
                    answerId,
                    asker.identity().logRef(),
                    asker.identity().standing(),
                    where.kind(),
                    asker.audience().kind());
        } catch (RuntimeException e) {
            log.error("Teams answer {} failed in {}", answerId, where.conversationId(), e);
            return new Outcome(Messages.text(UserTexts.failed(answerId)), null);
        }
        if (answer.status() == Answer.Status.BUSY) {
            log.info("Teams answer {} in {}: busy", answerId, where.conversationId());
            // not in the history, no feedback: it was not an answer
            return new Outcome(Messages.text(answer.text()), null);
        }
        if (answer.status() == Answer.Status.FAILED) {
            log.warn("Teams answer {} failed in {}: {}", answerId, where.conversationId(), answer.text());
            return new Outcome(
                    Messages.text(
                            UserTexts.quotesReference(answer.text())
                                    ? answer.text()
                                    : answer.text() + " (reference " + answerId + ")"),
                    null);
        }
        try {
            if (answer.belongsInHistory()) {
                services.store()
                        .append(where.conversationId(), List.of(Turn.user(text), Turn.assistant(answer.text())));
            }
        } catch (RuntimeException e) {
            log.warn("Teams answer {}: history not saved: {}", answerId, AnswerDispatcher.rootMessage(e));
        }
        log.info(
                "Teams answer {} in {}: {} with {} sources{}",
                answerId,
                where.kind(),
                answer.status(),
                answer.citations().size(),
                answer.moreInPrivate() ? ", more in private" : "");
        return new Outcome(AnswerMessage.of(answer), AnsweredMessage.of(text, answer, where.place()));
    }

    private Asking asking() {
        ChannelAccount user = reference.getUser();
        return new Asking(
                reference.getServiceUrl(),
                user == null ? "" : user.getId(),
                user == null ? "" : user.getAadObjectId(),
                where,
                scope.grantedGroups());
    }
}
