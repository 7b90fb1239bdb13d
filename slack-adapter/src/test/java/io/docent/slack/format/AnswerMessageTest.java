package io.docent.slack.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.FeedbackButtonsElement;
import io.docent.core.Answer;
import io.docent.core.Citation;
import io.docent.core.UserTexts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerMessageTest {

    private static Answer answer(String text, Answer.Status status, List<Citation> citations) {
        return new Answer(text, citations, status, "", List.of(), Map.of());
    }

    private static String text(LayoutBlock block) {
        return ((SectionBlock) block).getText().getText();
    }

    @Test
    void lays_out_the_answer_the_numbered_sources_and_the_buttons() {
        var a = answer(
                "**25 days** [1]",
                Answer.Status.ANSWERED,
                List.of(
                        new Citation(1, "Holiday policy", "https://wiki/holidays", ""),
                        new Citation(2, "Old notes", "handbook/notes.md", "")));

        SlackMessage m = AnswerMessage.of(a, "ans-1", null);

        assertThat(m.text()).isEqualTo("*25 days* [1]");
        assertThat(text(m.blocks().get(0))).isEqualTo("*25 days* [1]");
        assertThat(text(m.blocks().get(1)))
                .isEqualTo("*Sources*\n1. <https://wiki/holidays|Holiday policy>\n2. Old notes (`handbook/notes.md`)");
        var buttons = ((ActionsBlock) m.blocks().get(2)).getElements();
        assertThat(buttons)
                .extracting(b -> ((ButtonElement) b).getActionId())
                .containsExactly(AnswerMessage.VOTE_UP, AnswerMessage.VOTE_DOWN);
        assertThat(buttons).extracting(b -> ((ButtonElement) b).getValue()).containsOnly("ans-1");
    }

    @Test
    void shows_the_closest_sources_for_a_not_found_answer() {
        var a = answer(
                "I couldn't find this.",
                Answer.Status.NOT_FOUND,
                List.of(new Citation(1, "Travel", "https://wiki/travel", "")));

        SlackMessage m = AnswerMessage.of(a, "ans-1", null);

        assertThat(text(m.blocks().get(1))).startsWith("*Closest sources*\n1. <https://wiki/travel|Travel>");
    }

    @Test
    void shows_the_reference_and_no_buttons_for_a_failed_answer() {
        SlackMessage m = AnswerMessage.of(Answer.failed("Sorry, it broke."), "ans-1", "ab12cd34");

        assertThat(m.text()).contains("Sorry, it broke.").contains("Reference: ab12cd34");
        assertThat(m.blocks()).noneMatch(b -> b instanceof ActionsBlock);
    }

    @Test
    void a_failure_that_quotes_its_own_reference_gets_no_second_one() {
        SlackMessage m = AnswerMessage.of(Answer.failed(UserTexts.failed("r-0a1b2c3d")), "ans-1", "ab12cd34");

        assertThat(m.text()).contains("(reference r-0a1b2c3d)").doesNotContain("ab12cd34");
    }

    @Test
    void a_busy_answer_is_its_text_alone_without_buttons_so_it_stays_out_of_the_history() {
        SlackMessage m = AnswerMessage.of(Answer.busy(), "ans-1", null);

        assertThat(m.blocks()).hasSize(1);
        assertThat(text(m.blocks().get(0))).isEqualTo(UserTexts.BUSY);
        assertThat(m.blocks()).noneMatch(b -> b instanceof ActionsBlock);
    }

    @Test
    void keeps_every_section_under_3000_characters_and_at_most_50_blocks() {
        String paragraph = "word ".repeat(400).strip();
        String huge = String.join("\n\n", java.util.Collections.nCopies(100, paragraph));

        SlackMessage m = AnswerMessage.of(answer(huge, Answer.Status.ANSWERED, List.of()), "ans-1", null);

        assertThat(m.blocks()).hasSizeLessThanOrEqualTo(50);
        assertThat(m.blocks())
                .filteredOn(b -> b instanceof SectionBlock)
                .isNotEmpty()
                .allSatisfy(b -> assertThat(text(b).length()).isLessThan(3_000));
        assertThat(text(m.blocks().get(m.blocks().size() - 2))).endsWith("(shortened to fit in Slack)_");
        assertThat(m.text().length()).isLessThanOrEqualTo(3_000);
    }

    @Test
    void names_the_page_or_slide_of_a_source() {
        assertThat(AnswerMessage.link(new Citation(1, "Benefits Guide", "https://files.example/guide.pdf#page=4", "")))
                .isEqualTo("<https://files.example/guide.pdf#page=4|Benefits Guide (p. 4)>");
        assertThat(AnswerMessage.link(new Citation(2, "Onboarding", "/exports/onboarding.pptx#slide=2", "")))
                .isEqualTo("Onboarding (slide 2) (`/exports/onboarding.pptx`)");
    }

    @Test
    void escapes_titles_of_sources() {
        assertThat(AnswerMessage.link(new Citation(1, "R&D <plans> | 2025", "https://wiki/rd", "")))
                .isEqualTo("<https://wiki/rd|R&amp;D &lt;plans&gt; ¦ 2025>");
    }

    @Test
    void says_under_a_channel_answer_that_the_asker_will_be_told_more_privately_without_naming_documents() {
        var a = answer(
                        "Lunch is at noon [1].",
                        Answer.Status.ANSWERED,
                        List.of(new Citation(1, "Lunch", "https://w/l", "")))
                .withMoreInPrivate();

        SlackMessage m = AnswerMessage.of(a, "ans-1", null);

        assertThat(m.blocks())
                .extracting(LayoutBlock::getBlockId)
                .containsExactly("docent-answer-0", "docent-sources-0", "docent-more-in-private", "docent-feedback");
        var note = (MarkdownTextObject)
                ((ContextBlock) m.blocks().get(2)).getElements().get(0);
        assertThat(note.getText()).isEqualTo(AnswerMessage.MORE_IN_PRIVATE);
        assertThat(m.text()).isEqualTo("Lunch is at noon [1].\n\n" + AnswerMessage.MORE_IN_PRIVATE);
        assertThat(AnswerMessage.of(a.withMoreInPrivate(), "ans-2", null).blocks())
                .hasSize(4);
        assertThat(AnswerMessage.of(answer("x", Answer.Status.ANSWERED, List.of()), "a", null)
                        .text())
                .isEqualTo("x");
    }

    @Test
    void puts_an_intro_line_above_a_message() {
        SlackMessage m = AnswerMessage.withIntro(
                AnswerMessage.of(answer("x [1]", Answer.Status.ANSWERED, List.of()), "a", null), "_Only you_");

        assertThat(m.blocks().get(0).getBlockId()).isEqualTo("docent-intro");
        assertThat(m.blocks().get(1).getBlockId()).isEqualTo("docent-answer-0");
        assertThat(m.text()).isEqualTo("_Only you_\nx [1]");
    }

    @Test
    void ends_a_streamed_answer_with_its_markdown_the_sources_and_slacks_feedback_buttons() {
        var a = answer(
                "**25 days** [1]",
                Answer.Status.ANSWERED,
                List.of(new Citation(1, "Holiday policy", "https://wiki/holidays", "")));

        StreamEnd end = AnswerMessage.streamEnd(a, "ans-1", "ref-1", true);

        assertThat(end.markdown()).isEqualTo("**25 days** [1]");
        assertThat(end.blocks())
                .extracting(LayoutBlock::getBlockId)
                .containsExactly("docent-sources-0", "docent-feedback");
        assertThat(text(end.blocks().get(0))).isEqualTo("*Sources*\n1. <https://wiki/holidays|Holiday policy>");
        var buttons = (FeedbackButtonsElement)
                ((ContextActionsBlock) end.blocks().get(1)).getElements().get(0);
        assertThat(buttons.getActionId()).isEqualTo(AnswerMessage.FEEDBACK_BUTTONS);
        assertThat(buttons.getPositiveButton().getValue()).isEqualTo("up:ans-1");
        assertThat(buttons.getNegativeButton().getValue()).isEqualTo("down:ans-1");
        assertThat(AnswerMessage.streamEnd(a, "ans-1", null, false).blocks().get(1))
                .isInstanceOf(ActionsBlock.class);
    }

    @Test
    void ends_a_streamed_failure_with_its_reference_and_no_buttons() {
        var failed = answer("The model stopped answering.", Answer.Status.FAILED, List.of());

        StreamEnd end = AnswerMessage.streamEnd(failed, "ans-1", "ref-9", true);

        assertThat(end.markdown()).isEqualTo("The model stopped answering.\n\n_Reference: ref-9_");
        assertThat(end.blocks()).isEmpty();
    }

    @Test
    void reads_a_vote_from_either_kind_of_feedback_button() {
        assertThat(AnswerMessage.vote(AnswerMessage.VOTE_UP, "ans-1")).contains(new AnswerMessage.Vote(true, "ans-1"));
        assertThat(AnswerMessage.vote(AnswerMessage.VOTE_DOWN, "ans-1"))
                .contains(new AnswerMessage.Vote(false, "ans-1"));
        assertThat(AnswerMessage.vote(AnswerMessage.FEEDBACK_BUTTONS, "down:ans-2"))
                .contains(new AnswerMessage.Vote(false, "ans-2"));
        assertThat(AnswerMessage.vote(AnswerMessage.FEEDBACK_BUTTONS, "up:ans-3"))
                .contains(new AnswerMessage.Vote(true, "ans-3"));
        assertThat(AnswerMessage.vote(AnswerMessage.FEEDBACK_BUTTONS, "sideways:ans-3"))
                .isEmpty();
        assertThat(AnswerMessage.vote("someone_elses_button", "up:ans-3")).isEmpty();
    }

    @Test
    void shows_an_answer_being_written_without_sources_or_buttons() {
        SlackMessage m = AnswerMessage.writing("You get **25 days**");

        assertThat(m.text()).isEqualTo("You get *25 days*");
        assertThat(m.blocks()).extracting(LayoutBlock::getBlockId).containsExactly("docent-answer-0", "docent-writing");
    }
}
