package io.docent.slack.reply;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.MarkdownBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.docent.core.Turn;
import io.docent.slack.event.BotIdentity;
import io.docent.slack.format.AnswerMessage;
import io.docent.slack.format.SlackMarkup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A thread's messages ({@code conversations.replies}, oldest first) as the core's history: people's messages become
 * user turns (mentions resolved, markup unescaped), Docent's answers become assistant turns made of their answer
 * blocks only (the sources block and buttons are left out; a streamed answer's own text), Docent's notices ("busy", help) and failures (no
 * feedback buttons: {@link io.docent.core.Answer#belongsInHistory()}) and other bots are left out. Only messages
 * before the question count; the pipeline keeps the newest of them within its history budget, as for every surface.
 */
public final class ThreadHistory {

    private final BotIdentity bot;

    public ThreadHistory(BotIdentity bot) {
        this.bot = bot;
    }

    /** Whether Docent has a message in the thread. */
    public boolean docentAnswered(List<Message> messages) {
        return messages.stream().anyMatch(m -> bot.isSelf(m.getUser(), m.getBotId()));
    }

    /** The turns before the message {@code questionTs}, oldest first. */
    public List<Turn> turnsBefore(List<Message> messages, String questionTs, UnaryOperator<String> userName) {
        List<Turn> turns = new ArrayList<>();
        for (Message m : messages) {
            if (m.getTs() == null || compareTs(m.getTs(), questionTs) >= 0) {
                continue;
            }
            if (bot.isSelf(m.getUser(), m.getBotId())) {
                String answer = answerText(m);
                if (!answer.isEmpty()) {
                    turns.add(Turn.assistant(SlackMarkup.toPlainText(answer, bot.userId(), userName)));
                }
            } else if (isPerson(m)) {
                String text = SlackMarkup.toPlainText(m.getText(), bot.userId(), userName);
                if (!text.isEmpty()) {
                    turns.add(Turn.user(text));
                }
            }
        }
        return turns;
    }

    private static boolean isPerson(Message m) {
        return m.getUser() != null
                && (m.getBotId() == null || m.getBotId().isEmpty())
                && (m.getSubtype() == null
                        || m.getSubtype().isEmpty()
                        || m.getSubtype().equals("thread_broadcast"));
    }

    /**
     * An answer's text: its answer sections; for an answer that was streamed (its text is Slack's, with Docent's
     * blocks under it), its markdown blocks, else the message's text.
     */
    private static String answerText(Message m) {
        List<LayoutBlock> blocks = m.getBlocks();
        if (blocks == null || blocks.stream().noneMatch(b -> AnswerMessage.FEEDBACK_BLOCK.equals(b.getBlockId()))) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (LayoutBlock block : blocks) {
            if (block instanceof SectionBlock section
                    && section.getBlockId() != null
                    && section.getBlockId().startsWith(AnswerMessage.ANSWER_BLOCK_PREFIX)
                    && section.getText() instanceof MarkdownTextObject text) {
                append(sb, text.getText());
            } else if (block instanceof MarkdownBlock markdown) {
                append(sb, markdown.getText());
            }
        }
        return sb.isEmpty() && m.getText() != null ? m.getText().strip() : sb.toString();
    }

    private static void append(StringBuilder sb, String text) {
        if (!sb.isEmpty()) {
            sb.append('\n');
        }
        sb.append(text);
    }

    /** Slack timestamps ({@code 1700000000.000100}) compared as numbers. */
    static int compareTs(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
