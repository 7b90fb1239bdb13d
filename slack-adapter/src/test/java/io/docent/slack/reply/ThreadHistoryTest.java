package io.docent.slack.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.docent.core.Answer;
import io.docent.core.Citation;
import io.docent.core.Turn;
import io.docent.slack.event.BotIdentity;
import io.docent.slack.format.AnswerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadHistoryTest {

    private static final BotIdentity BOT = new BotIdentity("UBOT", "BBOT", "T1");
    private final ThreadHistory history = new ThreadHistory(BOT);

    private static Message person(String ts, String text) {
        Message m = new Message();
        m.setUser("U1");
        m.setTs(ts);
        m.setText(text);
        return m;
    }

    private static Message docent(String ts, List<LayoutBlock> blocks, String text) {
        Message m = new Message();
        m.setUser("UBOT");
        m.setBotId("BBOT");
        m.setTs(ts);
        m.setText(text);
        m.setBlocks(blocks);
        return m;
    }

    private static List<LayoutBlock> answerBlocks() {
        var answer = new Answer(
                "**25 days** [1]",
                List.of(new Citation(1, "Holiday policy", "https://wiki/h", "")),
                Answer.Status.ANSWERED,
                "",
                List.of(),
                Map.of());
        return AnswerMessage.of(answer, "a1", null).blocks();
    }

    @Test
    void turns_people_into_user_turns_and_docents_answers_into_assistant_turns_without_sources() {
        var thread = List.of(
                person("1.000100", "<@UBOT> how many holidays?"),
                docent("2.000100", answerBlocks(), "*25 days* [1]"),
                person("3.000100", "and for interns?"));

        List<Turn> turns = history.turnsBefore(thread, "3.000100", id -> id);

        assertThat(turns).containsExactly(Turn.user("how many holidays?"), Turn.assistant("*25 days* [1]"));
    }

    @Test
    void takes_a_streamed_answers_own_text_and_leaves_its_sources_out() {
        var answer = new Answer(
                "**25 days** [1]",
                List.of(new Citation(1, "Holiday policy", "https://wiki/h", "")),
                Answer.Status.ANSWERED,
                "",
                List.of(),
                Map.of());
        var streamed = docent(
                "2.000100", AnswerMessage.streamEnd(answer, "a1", null, true).blocks(), "**25 days** [1]");
        var unfinished = docent("2.000200", AnswerMessage.writing("Still").blocks(), "Still");
        var thread = List.of(person("1.000100", "<@UBOT> how many holidays?"), streamed, unfinished);

        List<Turn> turns = history.turnsBefore(thread, "3.000100", id -> id);

        assertThat(turns).containsExactly(Turn.user("how many holidays?"), Turn.assistant("**25 days** [1]"));
    }

    @Test
    void leaves_out_docents_notices_other_bots_and_later_messages() {
        Message otherBot = person("2.000100", "deploy finished");
        otherBot.setBotId("B2");
        var thread = List.of(
                person("1.000100", "first"),
                otherBot,
                docent("2.000200", null, "I'm busy right now"),
                person("3.000100", "the question"),
                person("4.000100", "after the question"));

        assertThat(history.turnsBefore(thread, "3.000100", id -> id)).containsExactly(Turn.user("first"));
    }

    @Test
    void reads_every_turn_of_a_long_thread_and_leaves_the_budget_to_the_pipeline() {
        List<Message> thread = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            thread.add(person(i + ".000100", "message number " + i + " " + "filler ".repeat(20)));
        }

        List<Turn> turns = history.turnsBefore(thread, "201.000100", id -> id);

        assertThat(turns).hasSize(200);
        assertThat(turns.get(turns.size() - 1).text()).startsWith("message number 200 ");
    }

    @Test
    void knows_whether_docent_is_in_the_thread() {
        assertThat(history.docentAnswered(List.of(person("1.1", "hi")))).isFalse();
        assertThat(history.docentAnswered(List.of(person("1.1", "hi"), docent("1.2", null, "answer"))))
                .isTrue();
    }

    @Test
    void compares_slack_timestamps_as_numbers() {
        assertThat(ThreadHistory.compareTs("9.000100", "10.000100")).isNegative();
        assertThat(ThreadHistory.compareTs("10.000200", "10.000100")).isPositive();
    }
}
