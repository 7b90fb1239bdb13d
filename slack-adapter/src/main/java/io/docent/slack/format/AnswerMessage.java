package io.docent.slack.format;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.FeedbackButtonObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.FeedbackButtonsElement;
import io.docent.core.Answer;
import io.docent.core.Citation;
import io.docent.core.UserTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays an {@link Answer} out as a Slack message within Block Kit's limits: the answer in section blocks of under
 * 3,000 characters, the sources as a numbered list of links (for a not-found answer, the closest sources), 👍/👎
 * buttons, and a plain {@code text} fallback for notifications. At most 50 blocks: an answer too long for that is
 * shortened, and says so.
 *
 * <p>Docent recognises its own answers in a thread's history by the block ids: {@value #ANSWER_BLOCK_PREFIX}n for
 * the answer, {@value #SOURCES_BLOCK_PREFIX}n for the sources (left out of the history). An answer in a channel
 * whose asker could be told more privately ({@link Answer#moreInPrivate()}) ends with a note that says so
 * ({@value #MORE_IN_PRIVATE_BLOCK}), without naming any document; the note is not part of the history either.
 *
 * <p>An answer streamed into Slack ({@link #streamEnd}) is its Markdown text as written, with the same sources, note
 * and feedback under it; its feedback block may be Slack's own {@code feedback_buttons} element, whose one action
 * ({@value #FEEDBACK_BUTTONS}) carries the vote and the answer id in its value ({@link #vote}).
 */
public final class AnswerMessage {

    public static final int MAX_SECTION_CHARS = 2_900;
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_FALLBACK_CHARS = 3_000;
    public static final String ANSWER_BLOCK_PREFIX = "docent-answer-";
    public static final String SOURCES_BLOCK_PREFIX = "docent-sources-";
    public static final String FEEDBACK_BLOCK = "docent-feedback";
    public static final String VOTE_UP = "docent_feedback_up";
    public static final String VOTE_DOWN = "docent_feedback_down";
    /** The action id of Slack's {@code feedback_buttons} element on a streamed answer. */
    public static final String FEEDBACK_BUTTONS = "docent_feedback";

    /** The block id of the {@link #WRITING} note. */
    public static final String WRITING_BLOCK = "docent-writing";
    /** Under an answer shown while it is being written, until it is complete. */
    public static final String WRITING = "_Writing…_";

    public static final String MORE_IN_PRIVATE_BLOCK = "docent-more-in-private";
    public static final String INTRO_BLOCK = "docent-intro";
    /** The note under a channel answer when its asker may read more than the channel (then answered privately). */
    public static final String MORE_IN_PRIVATE = "_Some documents that you can read, but not everyone here can, may say"
            + " more: I'm sending you a fuller answer privately._";

    private static final String SHORTENED = "\n_… (shortened to fit in Slack)_";
    private static final String UP = "up:";
    private static final String DOWN = "down:";

    private AnswerMessage() {}

    /**
     * The message for {@code answer}; {@code answerId} goes into the feedback buttons' value, {@code referenceId}
     * (may be {@code null}) is shown under a failed answer that does not carry a reference of its own (the core's
     * failures quote the reference of the log line that says what failed; one reference is enough).
     */
    public static SlackMessage of(Answer answer, String answerId, String referenceId) {
        String body = Mrkdwn.fromMarkdown(answer.text());
        String reference = reference(answer, referenceId);
        if (reference != null) {
            body = body + "\n_Reference: " + reference + "_";
        }
        List<LayoutBlock> tail = tail(answer, answerId, false);
        String text = answer.moreInPrivate() ? body + "\n\n" + MORE_IN_PRIVATE : body;
        return new SlackMessage(fallback(text), withTail(body, tail));
    }

    /**
     * A part of an answer (Markdown) shown while the rest is being written: the text so far, with a note that more is
     * coming, and neither sources nor buttons (so it is no turn of the thread's history yet).
     */
    public static SlackMessage writing(String markdown) {
        String body = Mrkdwn.fromMarkdown(markdown);
        return new SlackMessage(fallback(body), withTail(body, List.of(context(WRITING_BLOCK, WRITING))));
    }

    /**
     * How a streamed answer ends ({@code chat.stopStream}): its whole text in Markdown (what was streamed is a
     * prefix of it; for a failure without a reference of its own, {@code referenceId} is added as in {@link #of}),
     * and the blocks shown under it: the sources, the note about a private answer, and the feedback buttons, as
     * Slack's {@code feedback_buttons} element when {@code feedbackButtons} (else the 👍/👎 buttons of {@link #of}).
     */
    public static StreamEnd streamEnd(Answer answer, String answerId, String referenceId, boolean feedbackButtons) {
        String reference = reference(answer, referenceId);
        String markdown = reference == null ? answer.text() : answer.text() + "\n\n_Reference: " + reference + "_";
        return new StreamEnd(markdown, tail(answer, answerId, feedbackButtons));
    }

    /**
     * A click on a feedback button of Docent's: the vote ({@code true} for 👍) and the answer id, or empty for an
     * action that is not one. Both kinds of buttons: {@value #VOTE_UP} and {@value #VOTE_DOWN} carry the answer id as
     * their value, {@value #FEEDBACK_BUTTONS} carries {@code up:ID} or {@code down:ID}.
     */
    public static Optional<Vote> vote(String actionId, String value) {
        String v = value == null ? "" : value;
        if (VOTE_UP.equals(actionId) || VOTE_DOWN.equals(actionId)) {
            return Optional.of(new Vote(VOTE_UP.equals(actionId), v));
        }
        if (FEEDBACK_BUTTONS.equals(actionId) && (v.startsWith(UP) || v.startsWith(DOWN))) {
            boolean up = v.startsWith(UP);
            return Optional.of(new Vote(up, v.substring(up ? UP.length() : DOWN.length())));
        }
        return Optional.empty();
    }

    /** A feedback click: 👍 or 👎, on the answer {@code answerId}. */
    public record Vote(boolean up, String answerId) {}

    /** {@code referenceId} when it goes under the answer: a failure that does not quote a reference of its own. */
    private static String reference(Answer answer, String referenceId) {
        return answer.status() == Answer.Status.FAILED
                        && referenceId != null
                        && !UserTexts.quotesReference(answer.text())
                ? referenceId
                : null;
    }

    /** The blocks under the answer's text: sources, the note, the buttons. */
    private static List<LayoutBlock> tail(Answer answer, String answerId, boolean feedbackButtons) {
        List<LayoutBlock> tail = new ArrayList<>();
        List<String> sources = sources(answer);
        for (int i = 0; i < sources.size(); i++) {
            tail.add(section(SOURCES_BLOCK_PREFIX + i, sources.get(i)));
        }
        if (answer.moreInPrivate()) {
            tail.add(context(MORE_IN_PRIVATE_BLOCK, MORE_IN_PRIVATE));
        }
        // Failed and busy replies get no feedback buttons, which also keeps them out of the thread's history.
        if (answer.belongsInHistory()) { // the buttons mark an answer as a turn for ThreadHistory
            tail.add(feedbackButtons ? slackFeedbackButtons(answerId) : feedbackButtons(answerId));
        }
        return tail;
    }

    /** {@code body} (mrkdwn) in section blocks, then {@code tail}, within {@value #MAX_BLOCKS} blocks. */
    private static List<LayoutBlock> withTail(String body, List<LayoutBlock> tail) {
        List<String> pieces = Sections.split(body, MAX_SECTION_CHARS);
        int room = MAX_BLOCKS - tail.size();
        if (pieces.size() > room) {
            pieces = new ArrayList<>(pieces.subList(0, room));
            String last = pieces.get(room - 1);
            pieces.set(
                    room - 1,
                    last.substring(0, Math.min(last.length(), MAX_SECTION_CHARS - SHORTENED.length())) + SHORTENED);
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            blocks.add(section(ANSWER_BLOCK_PREFIX + i, pieces.get(i)));
        }
        blocks.addAll(tail);
        return blocks;
    }

    /**
     * {@code message} with a short line above it (mrkdwn), e.g. where a private answer's question was asked. Within
     * the block limit: the line replaces nothing, so a message already at {@value #MAX_BLOCKS} blocks gets it in its
     * text only.
     */
    public static SlackMessage withIntro(SlackMessage message, String mrkdwn) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (message.blocks().size() < MAX_BLOCKS) {
            blocks.add(context(INTRO_BLOCK, mrkdwn));
        }
        blocks.addAll(message.blocks());
        return new SlackMessage(fallback(mrkdwn + "\n" + message.text()), blocks);
    }

    /** Mrkdwn list items of the sources, split into sections; empty when there are none. */
    static List<String> sources(Answer answer) {
        if (answer.citations().isEmpty()) {
            return List.of();
        }
        StringBuilder sb =
                new StringBuilder(answer.status() == Answer.Status.NOT_FOUND ? "*Closest sources*" : "*Sources*");
        for (Citation c : answer.citations()) {
            sb.append('\n').append(c.number()).append(". ").append(link(c));
        }
        return Sections.split(sb.toString(), MAX_SECTION_CHARS);
    }

    static String link(Citation c) {
        String title = Mrkdwn.escape(c.label()).replace("|", "¦");
        String url = c.url();
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return "<" + Mrkdwn.escape(url) + "|" + title + ">";
        }
        return url.isBlank() || url.equals(c.title())
                ? title
                : title + " (`" + Mrkdwn.escape(url.replaceFirst("#.*$", "")) + "`)";
    }

    private static SectionBlock section(String blockId, String mrkdwn) {
        return SectionBlock.builder()
                .blockId(blockId)
                .text(MarkdownTextObject.builder().text(mrkdwn).build())
                .build();
    }

    private static ContextBlock context(String blockId, String mrkdwn) {
        return ContextBlock.builder()
                .blockId(blockId)
                .elements(List.of(MarkdownTextObject.builder().text(mrkdwn).build()))
                .build();
    }

    private static ActionsBlock feedbackButtons(String answerId) {
        List<BlockElement> buttons =
                List.of(button(VOTE_UP, "👍 Helpful", answerId), button(VOTE_DOWN, "👎 Not helpful", answerId));
        return ActionsBlock.builder().blockId(FEEDBACK_BLOCK).elements(buttons).build();
    }

    private static ContextActionsBlock slackFeedbackButtons(String answerId) {
        var element = FeedbackButtonsElement.builder()
                .actionId(FEEDBACK_BUTTONS)
                .positiveButton(feedbackButton("👍", UP + answerId, "Helpful"))
                .negativeButton(feedbackButton("👎", DOWN + answerId, "Not helpful"))
                .build();
        return ContextActionsBlock.builder()
                .blockId(FEEDBACK_BLOCK)
                .elements(List.of(element))
                .build();
    }

    private static FeedbackButtonObject feedbackButton(String label, String value, String accessibilityLabel) {
        return FeedbackButtonObject.builder()
                .text(PlainTextObject.builder().text(label).emoji(true).build())
                .value(value)
                .accessibilityLabel(accessibilityLabel)
                .build();
    }

    private static ButtonElement button(String actionId, String label, String value) {
        return ButtonElement.builder()
                .actionId(actionId)
                .text(PlainTextObject.builder().text(label).emoji(true).build())
                .value(value)
                .build();
    }

    private static String fallback(String body) {
        return body.length() <= MAX_FALLBACK_CHARS ? body : body.substring(0, MAX_FALLBACK_CHARS - 1) + "…";
    }
}
