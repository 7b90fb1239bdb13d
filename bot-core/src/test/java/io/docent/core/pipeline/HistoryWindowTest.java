package io.docent.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Turn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {

    @Test
    void keeps_newest_turns_within_budget_oldest_first() {
        List<Turn> history = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            history.add(Turn.user("question number " + i + " about the travel policy"));
            history.add(Turn.assistant("answer number " + i + " with some detail"));
        }

        List<Turn> kept = new HistoryWindow(100, 50).apply(history);

        assertThat(kept).isNotEmpty().hasSizeLessThan(history.size());
        assertThat(kept.getLast()).isEqualTo(history.getLast());
        assertThat(kept.stream().mapToInt(t -> Tokens.count(t.text())).sum()).isLessThanOrEqualTo(100);
        assertThat(history.subList(history.size() - kept.size(), history.size()))
                .isEqualTo(kept);
    }

    @Test
    void truncates_an_overlong_turn_instead_of_dropping_everything() {
        var history = List.of(Turn.user("short one"), Turn.user("log line ".repeat(5_000)));

        List<Turn> kept = new HistoryWindow(1_000, 200).apply(history);

        assertThat(kept).hasSize(2);
        assertThat(Tokens.count(kept.get(1).text())).isLessThanOrEqualTo(200);
    }

    @Test
    void drops_blank_turns() {
        assertThat(new HistoryWindow().apply(List.of(Turn.user("  "), Turn.assistant("hi"))))
                .containsExactly(Turn.assistant("hi"));
    }
}
