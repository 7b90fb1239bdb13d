package io.docent.slack.web;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatAppendStreamResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatStartStreamResponse;
import com.slack.api.methods.response.chat.ChatStopStreamResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack Web API methods Docent calls, on Bolt's client with the bot token, each through {@link RateLimitRetry}.
 * Methods return Slack's response ({@code ok:false} included) or throw {@link io.docent.core.DocentException} when
 * the call itself failed. The calls that show an answer while it is written (the stream's start and appends, interim
 * updates) are made once, not retried after a 429: their text goes with the next call instead, and a rate-limited
 * one throws {@link io.docent.core.DocentException.RateLimited} with Slack's {@code Retry-After}.
 */
public final class SlackWeb {

    /** conversations.replies and conversations.members pages are at most this long (Slack's recommended maximum). */
    static final int PAGE_SIZE = 200;
    /** conversations.members pages read at most: Slack may return short pages, and a loop must end. */
    static final int MAX_MEMBER_PAGES = 100;

    private static final Logger log = LoggerFactory.getLogger(SlackWeb.class);

    private final MethodsClient client;
    private final RateLimitRetry retry;
    private final RateLimitRetry once;

    public SlackWeb(MethodsClient client, RateLimitRetry retry) {
        this.client = client;
        this.retry = retry;
        this.once = retry.once();
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

    /** users.info, {@code ok:false} included ({@code user_not_found}, {@code user_not_visible}...). */
    public UsersInfoResponse userInfo(String userId) {
        return retry.call("users.info", () -> client.usersInfo(r -> r.user(userId)));
    }

    /** conversations.info with the member count, {@code ok:false} included. */
    public ConversationsInfoResponse conversationInfo(String channel) {
        return retry.call(
                "conversations.info",
                () -> client.conversationsInfo(r -> r.channel(channel).includeNumMembers(true)));
    }

    /**
     * A conversation's members, following every cursor, but never more than {@code max}: a longer list stops at once
     * and says {@link Members#tooMany()}. A page Slack refuses ({@code ok:false}) gives its error.
     */
    public Members members(String channel, int max) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            if (++pages > MAX_MEMBER_PAGES) {
                return new Members(List.copyOf(ids), "", true);
            }
            String page = cursor;
            ConversationsMembersResponse response = retry.call(
                    "conversations.members",
                    () -> client.conversationsMembers(
                            r -> r.channel(channel).limit(PAGE_SIZE).cursor(page)));
            if (!response.isOk()) {
                return new Members(List.copyOf(ids), response.getError(), false);
            }
            if (response.getMembers() != null) {
                ids.addAll(response.getMembers());
            }
            if (ids.size() > max) {
                return new Members(List.copyOf(ids.subList(0, max)), "", true);
            }
            cursor = response.getResponseMetadata() == null
                    ? null
                    : response.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return new Members(List.copyOf(ids), "", false);
    }

    /**
     * What {@link #members} read.
     *
     * @param ids the member ids read
     * @param error Slack's error when a page was refused, else {@code ""}
     * @param tooMany the conversation has more members than were asked for
     */
    public record Members(List<String> ids, String error, boolean tooMany) {
        public Members {
            ids = List.copyOf(ids);
            error = error == null ? "" : error;
        }

        /** Every member was read. */
        public boolean complete() {
            return error.isEmpty() && !tooMany;
        }
    }

    /** conversations.open with one person: the direct message between Docent and {@code user}. */
    public ConversationsOpenResponse openDirectMessage(String user) {
        return retry.call("conversations.open", () -> client.conversationsOpen(r -> r.users(List.of(user))));
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

    /** chat.update of a message that is still being written; one attempt (see the class comment). */
    public ChatUpdateResponse updateOnce(String channel, String ts, String text, List<LayoutBlock> blocks) {
        return once.call(
                "chat.update",
                () -> client.chatUpdate(
                        r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
    }

    /**
     * chat.startStream: a reply in the thread {@code threadTs} that grows as text is appended, starting with
     * {@code markdown} (at most 12,000 characters). Outside a direct message Slack needs the person it is written for
     * and their team. One attempt (see the class comment).
     */
    public ChatStartStreamResponse startStream(
            String channel, String threadTs, String recipientUser, String recipientTeam, String markdown) {
        return once.call(
                "chat.startStream",
                () -> client.chatStartStream(r -> r.channel(channel)
                        .threadTs(threadTs)
                        .recipientUserId(recipientUser)
                        .recipientTeamId(recipientTeam)
                        .markdownText(markdown)));
    }

    /** chat.appendStream: {@code markdown} (at most 12,000 characters) added to the streamed message; one attempt. */
    public ChatAppendStreamResponse appendStream(String channel, String ts, String markdown) {
        return once.call(
                "chat.appendStream",
                () -> client.chatAppendStream(r -> r.channel(channel).ts(ts).markdownText(markdown)));
    }

    /**
     * chat.stopStream: the streamed message ends with {@code markdown} (may be {@code null}; at most 12,000
     * characters) and {@code blocks} under it (may be {@code null}). Retried after a 429: this call completes the
     * answer.
     */
    public ChatStopStreamResponse stopStream(String channel, String ts, String markdown, List<LayoutBlock> blocks) {
        return retry.call(
                "chat.stopStream",
                () -> client.chatStopStream(
                        r -> r.channel(channel).ts(ts).markdownText(markdown).blocks(blocks)));
    }

    public SlackApiTextResponse postEphemeral(String channel, String user, String threadTs, String text) {
        return postEphemeral(channel, user, threadTs, text, null);
    }

    /** A message only {@code user} sees, in {@code channel} (in the thread {@code threadTs} when not null). */
    public SlackApiTextResponse postEphemeral(
            String channel, String user, String threadTs, String text, List<LayoutBlock> blocks) {
        return retry.call(
                "chat.postEphemeral",
                () -> client.chatPostEphemeral(r -> r.channel(channel)
                        .user(user)
                        .threadTs(threadTs)
                        .text(text)
                        .blocks(blocks)));
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
