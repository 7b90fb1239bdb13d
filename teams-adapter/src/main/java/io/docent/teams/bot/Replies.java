package io.docent.teams.bot;

import com.microsoft.bot.builder.BotAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends activities into a conversation after its turn has ended, through the SDK's {@code continueConversation}
 * (the connector client at the conversation's service URL, with the bot's own token).
 *
 * <p>The SDK's continuation turn carries a random activity id, and every activity sent in a turn becomes a reply to
 * the turn's activity id; so the id is set back to the one of the message being answered: the answer goes to
 * {@code v3/conversations/{conversation}/activities/{message}}, i.e. into the same channel thread.
 *
 * <p>A refusal by the Bot Connector completes the future exceptionally with the SDK's exception, which {@link
 * ConnectorError#of} reads.
 */
public final class Replies {

    private final BotAdapter adapter;
    private final String appId;

    public Replies(BotAdapter adapter, String appId) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.appId = appId == null ? "" : appId;
    }

    /** Sends {@code activity}; the future completes with the id the connector gave it ({@code ""} when none). */
    public CompletableFuture<String> send(ConversationReference reference, Activity activity) {
        String[] id = {""};
        return adapter.continueConversation(appId, reference, turn -> {
                    // null for a message that answers nothing (a greeting): sent to the conversation, not as a reply
                    turn.getActivity().setId(reference.getActivityId());
                    return turn.sendActivity(activity).thenAccept(sent -> id[0] = idOf(sent));
                })
                .thenApply(done -> id[0]);
    }

    /** Replaces the activity {@code activityId} sent before ({@code PUT .../activities/{activityId}}). */
    public CompletableFuture<Void> update(ConversationReference reference, String activityId, Activity activity) {
        return adapter.continueConversation(appId, reference, turn -> {
            Activity replacement = Activity.clone(activity);
            replacement.applyConversationReference(reference);
            replacement.setId(activityId);
            replacement.setReplyToId(null);
            return turn.updateActivity(replacement).thenApply(updated -> null);
        });
    }

    private static String idOf(ResourceResponse sent) {
        return sent == null || sent.getId() == null ? "" : sent.getId();
    }
}
