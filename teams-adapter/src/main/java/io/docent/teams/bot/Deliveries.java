package io.docent.teams.bot;

import com.microsoft.bot.schema.ConversationReference;
import io.docent.teams.activity.ConversationContext;
import io.docent.teams.message.AnswerMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides how each answer is delivered: streamed where Teams streams (a 1:1 chat on the {@code msteams} channel,
 * with no other answer of Docent's streaming there: Teams allows one stream per chat at a time), else a typing
 * indicator and one message. Which chats have a stream open is known per process; a stream opened by another replica
 * is refused by Teams, and that answer then goes out as one message.
 */
final class Deliveries {

    /** Teams' documented pace for streaming: about one update a second. */
    static final Duration TEAMS_STREAM_INTERVAL = Duration.ofSeconds(1);

    private final AnswerDispatcher dispatcher;
    private final Replies replies;
    private final Duration interval;
    private final Set<String> streaming = ConcurrentHashMap.newKeySet();

    Deliveries(AnswerDispatcher dispatcher, Replies replies, Duration interval) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    Delivery forAnswer(String channelId, ConversationReference reference, ConversationContext where, String answerId) {
        String chat = where.conversationId();
        if (where.kind() == ConversationContext.Kind.PERSONAL && "msteams".equals(channelId) && streaming.add(chat)) {
            return new StreamedDelivery(
                    dispatcher,
                    replies,
                    reference,
                    answerId,
                    interval,
                    AnswerMessage.MAX_TEXT_CHARS,
                    () -> streaming.remove(chat));
        }
        return new PlainDelivery(dispatcher, replies, reference, answerId);
    }
}
