package io.docent.teams.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A typing indicator at once, then the answer as one message: channels and group chats, where Teams does not stream,
 * and a 1:1 chat that already has a stream open. The words written meanwhile are not shown.
 */
final class PlainDelivery implements Delivery {

    private static final Logger log = LoggerFactory.getLogger(PlainDelivery.class);
    private static final long TYPING_WAIT_SECONDS = 5;

    private final AnswerDispatcher dispatcher;
    private final Replies replies;
    private final ConversationReference reference;
    private final String answerId;
    private volatile CompletableFuture<Void> typing = CompletableFuture.completedFuture(null);

    PlainDelivery(AnswerDispatcher dispatcher, Replies replies, ConversationReference reference, String answerId) {
        this.dispatcher = dispatcher;
        this.replies = replies;
        this.reference = reference;
        this.answerId = answerId;
    }

    @Override
    public void start() {
        typing = dispatcher.send("typing indicator", () -> replies.send(reference, Messages.typing()));
    }

    @Override
    public void written(String textSoFar) {
        // this conversation shows the answer once it is complete
    }

    @Override
    public String finish(Activity message) {
        awaitTyping();
        try {
            return replies.send(reference, message).join();
        } catch (RuntimeException e) {
            log.error(
                    "Teams answer {} could not be delivered to {}: {}",
                    answerId,
                    reference.getConversation().getId(),
                    ConnectorError.of(e));
            return "";
        }
    }

    /**
     * Waits (a few seconds at most) until the typing indicator was sent, so that nothing sent after it is overtaken by
     * it; never fails: the typing indicator is a courtesy.
     */
    void awaitTyping() {
        try {
            typing.get(TYPING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the answer goes out regardless
        }
    }
}
