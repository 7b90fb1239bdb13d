package io.docent.teams.bot;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import io.docent.core.UserTexts;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.teams.access.AskerResolver;
import io.docent.teams.activity.ConversationContext;
import io.docent.teams.activity.MentionText;
import io.docent.teams.feedback.FeedbackVote;
import io.docent.teams.scope.TeamsScopes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docent as a Bot Framework bot. A turn only decides and hands off, so the request is answered at once:
 *
 * <ul>
 *   <li>a message in a 1:1 chat, or one that @-mentions Docent in a channel or group chat: the answer from the
 *       dispatcher's answer executor (or "busy" when it is full), asked as who asks and where the answer is shown
 *       ({@link io.docent.teams.access.AskerResolver}), streamed in a 1:1 chat, else after a typing indicator
 *       ({@link Deliveries}); an empty mention gets help;
 *   <li>Docent added to a 1:1 chat ({@code conversationUpdate}): a greeting;
 *   <li>a click on Teams' feedback buttons ({@code message/submitAction} invoke): recorded, {@code 200};
 *   <li>a click on an earlier answer card's buttons: as an {@code adaptiveCard/action} invoke, recorded and thanked
 *       in the invoke response (shown to the voter only); as an {@code Action.Submit} message, recorded and thanked
 *       in the thread;
 *   <li>anything else, including Docent's own messages: nothing.
 * </ul>
 */
@SuppressWarnings("deprecation") // the whole SDK is retired; ActivityHandler is still how a bot gets its turns
public final class DocentTeamsBot extends ActivityHandler {

    private static final Logger log = LoggerFactory.getLogger(DocentTeamsBot.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final AnswerJob.Services services;
    private final TeamsScopes scopes;
    private final AnswerDispatcher dispatcher;
    private final Deliveries deliveries;

    public DocentTeamsBot(
            io.docent.core.Answerer answerer,
            io.docent.core.ConversationStore store,
            TeamsScopes scopes,
            FeedbackRecorder feedback,
            Replies replies,
            AskerResolver askers,
            AnswerDispatcher dispatcher) {
        this.services = new AnswerJob.Services(
                Objects.requireNonNull(answerer, "answerer"),
                Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(feedback, "feedback"),
                Objects.requireNonNull(replies, "replies"),
                Objects.requireNonNull(askers, "askers"));
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.deliveries = new Deliveries(dispatcher, replies, Deliveries.TEAMS_STREAM_INTERVAL);
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (fromBot(activity)) {
            return DONE;
        }
        ConversationReference reference = activity.getConversationReference();
        ConversationContext where = ConversationContext.of(activity);
        Optional<FeedbackVote> vote = FeedbackVote.fromCard(activity.getValue());
        if (vote.isPresent()) {
            boolean saved = services.feedback().record(vote.get().by(userOf(activity), where.place()));
            send(reference, "feedback thanks", Messages.text(saved ? UserTexts.THANKS : UserTexts.FEEDBACK_NOT_SAVED));
            return DONE;
        }
        if (where.kind() != ConversationContext.Kind.PERSONAL && !MentionText.mentionsBot(activity)) {
            return DONE;
        }
        String text = MentionText.question(activity);
        if (text.isEmpty()) {
            send(reference, "help", Messages.text(Messages.HELP));
            return DONE;
        }
        String answerId = UserTexts.newReference();
        Delivery delivery = deliveries.forAnswer(activity.getChannelId(), reference, where, answerId);
        delivery.start();
        var job = new AnswerJob(services, reference, where, text, scopes.entryFor(where), answerId, delivery);
        if (!dispatcher.tryAnswer(job)) {
            log.warn("Teams answer {} not started: Docent is shutting down", answerId);
            dispatcher.io(() -> delivery.finish(Messages.text(UserTexts.BUSY)));
        }
        return DONE;
    }

    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        List<ChannelAccount> added = activity.getMembersAdded();
        ChannelAccount bot = activity.getRecipient();
        if (added == null || bot == null || bot.getId() == null) {
            return DONE;
        }
        boolean botAdded = added.stream().anyMatch(member -> bot.getId().equals(member.getId()));
        if (botAdded && ConversationContext.of(activity).kind() == ConversationContext.Kind.PERSONAL) {
            ConversationReference reference = activity.getConversationReference();
            reference.setActivityId(null); // a greeting starts the chat; it answers nothing
            send(reference, "greeting", Messages.text(Messages.GREETING));
        }
        return DONE;
    }

    /**
     * A click on Teams' feedback buttons ({@code message/submitAction}): recorded, and answered {@code 200} with no
     * body, as Teams expects (Teams itself thanks the person); {@code 500} when the feedback log could not keep it,
     * so that the person is not thanked for a vote that was lost. Other invokes go to the SDK's dispatch.
     */
    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!FeedbackVote.SUBMIT_ACTION.equals(activity.getName())) {
            return super.onInvokeActivity(turn);
        }
        String place = ConversationContext.of(activity).place();
        Optional<FeedbackVote> vote =
                FeedbackVote.fromSubmitAction(activity.getValue(), place, activity.getReplyToId());
        if (vote.isEmpty()) {
            log.info("Teams: a {} invoke that is not a feedback click on a message", FeedbackVote.SUBMIT_ACTION);
            return CompletableFuture.completedFuture(new InvokeResponse(400, null));
        }
        boolean saved = services.feedback().record(vote.get().by(userOf(activity), place));
        return CompletableFuture.completedFuture(new InvokeResponse(saved ? 200 : 500, null));
    }

    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(
            TurnContext turn, AdaptiveCardInvokeValue invokeValue) {
        Activity activity = turn.getActivity();
        Optional<FeedbackVote> vote =
                FeedbackVote.CARD_VERB.equals(invokeValue.getAction().getVerb())
                        ? FeedbackVote.fromCard(invokeValue.getAction().getData())
                        : Optional.empty();
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setType("application/vnd.microsoft.activity.message");
        if (vote.isEmpty()) {
            response.setStatusCode(400);
            response.setValue("Unknown action.");
            return CompletableFuture.completedFuture(response);
        }
        boolean saved = services.feedback()
                .record(vote.get()
                        .by(userOf(activity), ConversationContext.of(activity).place()));
        response.setStatusCode(200);
        response.setValue(saved ? UserTexts.THANKS : UserTexts.FEEDBACK_NOT_SAVED);
        return CompletableFuture.completedFuture(response);
    }

    private CompletableFuture<Void> send(ConversationReference reference, String what, Activity activity) {
        return dispatcher.send(what, () -> services.replies().send(reference, activity));
    }

    private static boolean fromBot(Activity activity) {
        return activity.getFrom() != null
                && activity.getRecipient() != null
                && Objects.equals(
                        activity.getFrom().getId(), activity.getRecipient().getId());
    }

    /** The voter's stable id: the Entra object id when Teams gives it, else the channel account id. */
    private static String userOf(Activity activity) {
        ChannelAccount from = activity.getFrom();
        if (from == null) {
            return "";
        }
        String aad = from.getAadObjectId();
        return aad != null && !aad.isBlank() ? aad : Objects.toString(from.getId(), "");
    }
}
