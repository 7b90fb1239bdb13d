package io.docent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.Answerer;
import io.docent.core.Question;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalAnswerTest {

    private final StringWriter printed = new StringWriter();
    private final List<String> seenWhileWriting = new ArrayList<>();

    /** Writes the given prefixes, noting what the terminal shows after each, then returns {@code finalText}. */
    private Answerer model(String finalText, Answer.Status status, String... prefixes) {
        return new Answerer() {
            @Override
            public Answer answer(Question question) {
                return answer(question, AnswerProgress.NONE);
            }

            @Override
            public Answer answer(Question question, AnswerProgress progress) {
                progress.writing();
                for (String prefix : prefixes) {
                    progress.written(prefix);
                    seenWhileWriting.add(printed.toString());
                }
                return new Answer(finalText, List.of(), status, question.text(), List.of(), Map.of());
            }
        };
    }

    private Answer ask(Answerer answerer, String prefix) {
        return TerminalAnswer.ask(answerer, Question.fromAdministrator("q?"), prefix, new PrintWriter(printed));
    }

    @Test
    void the_words_appear_as_they_are_written_and_the_final_text_completes_them() {
        var answerer =
                model("To get VPN access, open a request [1].", Answer.Status.ANSWERED, "To get", "To get VPN access,");

        ask(answerer, "docent> ");

        assertThat(seenWhileWriting).containsExactly("docent> To get", "docent> To get VPN access,");
        assertThat(printed.toString())
                .isEqualTo("docent> To get VPN access, open a request [1]." + System.lineSeparator());
    }

    @Test
    void an_answer_that_arrives_whole_is_printed_once_after_the_prefix() {
        var answerer = model("Six sessions a year [1].", Answer.Status.ANSWERED);

        ask(answerer, "docent> ");

        assertThat(printed.toString()).isEqualTo("docent> Six sessions a year [1]." + System.lineSeparator());
    }

    @Test
    void a_final_answer_that_does_not_continue_the_text_is_printed_after_a_withdrawn_line() {
        var answerer = model("I couldn't find this in the indexed documents.", Answer.Status.NOT_FOUND, "The office");

        ask(answerer, "");

        assertThat(printed.toString())
                .startsWith("The office" + System.lineSeparator() + TerminalAnswer.WITHDRAWN)
                .endsWith("I couldn't find this in the indexed documents." + System.lineSeparator());
    }

    @Test
    void a_text_that_does_not_extend_what_is_shown_is_not_printed() {
        var answerer = model("abc def", Answer.Status.ANSWERED, "abc d", "abc", "xyz", "abc def");

        ask(answerer, "");

        assertThat(seenWhileWriting).containsExactly("abc d", "abc d", "abc d", "abc def");
        assertThat(printed.toString()).isEqualTo("abc def" + System.lineSeparator());
    }
}
