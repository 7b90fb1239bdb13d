package io.docent.teams.bot;

import com.microsoft.bot.builder.BotAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends activities into a conversation after its turn has ended, through the SDK's {@code continueConversation}
 * (the connector client at the conversation's service URL, with the bot's own token).
 *
 * <p>The SDK's continuation turn carries a random activity id, and every activity sent in a turn becomes a reply to
 * the turn's activity id; so the id is set back to the one of the message being answered: the answer goes to
 * {@code v3/conversations/{conversation}/activities/{message}}, i.e. into the same channel thread.
 */
public final class Replies {

    private final BotAdapter adapter;
    private final String appId;

    public Replies(BotAdapter adapter, String appId) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.appId = appId == null ? "" : appId;
    }

    public CompletableFuture<Void> send(ConversationReference reference, Activity activity) {
        return adapter.continueConversation(appId, reference, turn -> {
            // null for a message that answers nothing (a greeting): sent to the conversation, not as a reply
            turn.getActivity().setId(reference.getActivityId());
            return turn.sendActivity(activity).thenApply(sent -> null);
        });
    }
}
