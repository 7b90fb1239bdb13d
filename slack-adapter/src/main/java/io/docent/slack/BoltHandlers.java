package io.docent.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.ChannelSharedEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.MessageEvent;
import io.docent.core.feedback.FeedbackRecord;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.slack.access.ChannelAudiences;
import io.docent.slack.event.IncomingMessage;
import io.docent.slack.feedback.FeedbackClicks;
import io.docent.slack.format.AnswerMessage;
import io.docent.slack.reply.Workers;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's listeners, each a few lines: the payload becomes an {@link IncomingMessage} or a feedback vote, the work
 * is handed on, and Bolt acks. Someone joining a channel, or a channel being shared with another organisation, makes
 * Docent forget who it thought was in the channel. A listener never lets an exception reach Bolt: Slack would see an
 * error, retry, and meet the same bug again; the event is acked and the failure logged instead.
 */
final class BoltHandlers {

    private static final Logger log = LoggerFactory.getLogger(BoltHandlers.class);
    private static final Pattern VOTE = Pattern.compile(
            AnswerMessage.VOTE_UP + "|" + AnswerMessage.VOTE_DOWN + "|" + AnswerMessage.FEEDBACK_BUTTONS);

    private BoltHandlers() {}

    static void register(
            App app, EventRouter router, FeedbackClicks feedback, Workers workers, ChannelAudiences audiences) {
        app.event(MemberJoinedChannelEvent.class, (payload, ctx) -> {
            audiences.forget(payload.getEvent().getChannel());
            return ctx.ack();
        });
        app.event(ChannelSharedEvent.class, (payload, ctx) -> {
            audiences.forget(payload.getEvent().getChannel());
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            return route(
                    router,
                    ctx,
                    new IncomingMessage(
                            payload.getEventId(),
                            IncomingMessage.Source.APP_MENTION,
                            e.getChannel(),
                            "",
                            e.getUser(),
                            firstNonBlank(e.getUserTeam(), e.getTeam()),
                            e.getBotId(),
                            e.getSubtype(),
                            e.getText(),
                            e.getTs(),
                            e.getThreadTs(),
                            e.getEdited() != null));
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            return route(
                    router,
                    ctx,
                    new IncomingMessage(
                            payload.getEventId(),
                            IncomingMessage.Source.MESSAGE,
                            e.getChannel(),
                            e.getChannelType(),
                            e.getUser(),
                            e.getTeam(),
                            e.getBotId(),
                            "",
                            e.getText(),
                            e.getTs(),
                            e.getThreadTs(),
                            e.getEdited() != null));
        });
        app.blockAction(VOTE, (req, ctx) -> {
            try {
                FeedbackRecorder.Vote vote = vote(req.getPayload());
                if (vote == null) {
                    log.warn("A feedback click without a vote was ignored");
                } else if (!workers.run(() -> feedback.record(vote))) {
                    log.warn("Feedback from {} not recorded: Slack is shutting down", vote.user());
                }
            } catch (RuntimeException e) {
                log.error("A feedback click could not be handled", e);
            }
            return ctx.ack();
        });
    }

    private static Response route(EventRouter router, EventContext ctx, IncomingMessage message) {
        try {
            if (ctx.getRetryNum() != null && ctx.getRetryNum() > 0) {
                log.debug(
                        "Slack retry {} ({}) of event {}", ctx.getRetryNum(), ctx.getRetryReason(), message.eventId());
            }
            router.route(message);
        } catch (RuntimeException e) {
            log.error("Event {} in {} could not be routed", message.eventId(), message.channel(), e);
        }
        return ctx.ack();
    }

    /** The click as a vote; {@code null} when its value is not one of Docent's. */
    private static FeedbackRecorder.Vote vote(BlockActionPayload p) {
        BlockActionPayload.Action action = p.getActions().get(0);
        var clicked =
                AnswerMessage.vote(action.getActionId(), action.getValue()).orElse(null);
        if (clicked == null) {
            return null;
        }
        String channel = p.getChannel() == null ? "" : p.getChannel().getId();
        var message = p.getMessage();
        String thread =
                message == null ? "" : (message.getThreadTs() != null ? message.getThreadTs() : message.getTs());
        return new FeedbackRecorder.Vote(
                "slack",
                clicked.up() ? FeedbackRecord.Vote.UP : FeedbackRecord.Vote.DOWN,
                clicked.answerId(),
                p.getUser().getId(),
                channel,
                thread,
                message == null ? "" : message.getText());
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
