package io.docent.slack.web;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack Web API methods Docent calls, on Bolt's client with the bot token, each through {@link RateLimitRetry}.
 * Methods return Slack's response ({@code ok:false} included) or throw {@link io.docent.core.DocentException} when
 * the call itself failed.
 */
public final class SlackWeb {

    /** conversations.replies pages are at most this long (Slack's recommended maximum). */
    static final int PAGE_SIZE = 200;

    private static final Logger log = LoggerFactory.getLogger(SlackWeb.class);

    private final MethodsClient client;
    private final RateLimitRetry retry;

    public SlackWeb(MethodsClient client, RateLimitRetry retry) {
        this.client = client;
        this.retry = retry;
    }

    public AuthTestResponse authTest() {
        return retry.call("auth.test", () -> client.authTest(r -> r));
    }

    /**
     * The newest {@code keep} messages of a thread, oldest first. Slack pages a thread from its parent onwards, so
     * the newest messages are only reached by following every cursor; at most {@code maxPages} pages are read (a
     * thread longer than that gives its first pages). A thread Slack cannot read ({@code ok:false}) gives what was
     * read so far.
     */
    public List<Message> replies(String channel, String threadTs, int keep, int maxPages) {
        List<Message> messages = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String page = cursor;
            ConversationsRepliesResponse response = retry.call(
                    "conversations.replies",
                    () -> client.conversationsReplies(r ->
                            r.channel(channel).ts(threadTs).limit(PAGE_SIZE).cursor(page)));
            if (!response.isOk()) {
                log.warn("conversations.replies failed for {}: {}", channel, response.getError());
                break;
            }
            if (response.getMessages() != null) {
                messages.addAll(response.getMessages());
            }
            cursor = response.getResponseMetadata() == null
                    ? null
                    : response.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty() && ++pages < maxPages);
        return messages.size() > keep
                ? List.copyOf(messages.subList(messages.size() - keep, messages.size()))
                : messages;
    }

    /** users.info; {@code null} when Slack does not know the user. */
    public User user(String userId) {
        UsersInfoResponse response = retry.call("users.info", () -> client.usersInfo(r -> r.user(userId)));
        return response.isOk() ? response.getUser() : null;
    }

    public ChatPostMessageResponse postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        return retry.call(
                "chat.postMessage",
                () -> client.chatPostMessage(r -> r.channel(channel)
                        .threadTs(threadTs)
                        .text(text)
                        .blocks(blocks)
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
    }

    public ChatUpdateResponse update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        return retry.call(
                "chat.update",
                () -> client.chatUpdate(
                        r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
    }

    public SlackApiTextResponse postEphemeral(String channel, String user, String threadTs, String text) {
        return retry.call(
                "chat.postEphemeral",
                () -> client.chatPostEphemeral(
                        r -> r.channel(channel).user(user).threadTs(threadTs).text(text)));
    }

    public SlackApiTextResponse addReaction(String channel, String ts, String name) {
        return retry.call(
                "reactions.add",
                () -> client.reactionsAdd(r -> r.channel(channel).timestamp(ts).name(name)));
    }

    public SlackApiTextResponse removeReaction(String channel, String ts, String name) {
        return retry.call(
                "reactions.remove",
                () -> client.reactionsRemove(
                        r -> r.channel(channel).timestamp(ts).name(name)));
    }

    public SlackApiTextResponse setAssistantStatus(String channel, String threadTs, String status) {
        return retry.call(
                "assistant.threads.setStatus",
                () -> client.assistantThreadsSetStatus(
                        r -> r.channelId(channel).threadTs(threadTs).status(status)));
    }
}
