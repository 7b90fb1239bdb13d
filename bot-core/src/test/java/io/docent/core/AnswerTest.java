package io.docent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerTest {

    private static Answer with(Answer.Status status) {
        return new Answer("text", List.of(), status, "", List.of(), Map.of());
    }

    @Test
    void answers_and_honest_not_founds_are_turns_of_the_conversation_failures_and_busy_are_not() {
        assertThat(with(Answer.Status.ANSWERED).belongsInHistory()).isTrue();
        assertThat(with(Answer.Status.NOT_FOUND).belongsInHistory()).isTrue();
        assertThat(Answer.failed(UserTexts.failed("r-00000001")).belongsInHistory())
                .isFalse();
        assertThat(Answer.busy().belongsInHistory()).isFalse();
    }

    @Test
    void a_failure_quotes_its_reference_once() {
        assertThat(UserTexts.quotesReference(UserTexts.failed("r-0000000a"))).isTrue();
        assertThat(UserTexts.quotesReference(UserTexts.indexUnavailable("r-0000000a")))
                .isTrue();
        assertThat(UserTexts.quotesReference(UserTexts.BUSY)).isFalse();
    }
}
