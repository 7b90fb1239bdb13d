package io.docent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConversationStore} does. A subclass returns a fresh, empty store that keeps at most
 * {@link #MAX_TURNS} turns per conversation.
 */
public abstract class ConversationStoreContract {

    protected static final int MAX_TURNS = 4;

    protected abstract ConversationStore store();

    @Test
    void keeps_history_per_conversation_in_order() {
        ConversationStore store = store();
        store.append("19:a@thread.tacv2;messageid=1", List.of(Turn.user("q1"), Turn.assistant("a1")));
        store.append("19:a@thread.tacv2;messageid=2", List.of(Turn.user("other thread")));
        store.append("19:a@thread.tacv2;messageid=1", List.of(Turn.user("q2")));

        assertThat(store.history("19:a@thread.tacv2;messageid=1"))
                .containsExactly(Turn.user("q1"), Turn.assistant("a1"), Turn.user("q2"));
        assertThat(store.history("19:a@thread.tacv2;messageid=2")).containsExactly(Turn.user("other thread"));
        assertThat(store.history("unknown")).isEmpty();
    }

    @Test
    void keeps_only_the_newest_turns() {
        ConversationStore store = store();
        for (int i = 0; i < 25; i++) {
            store.append("c", List.of(Turn.user("q" + i)));
        }

        assertThat(store.history("c")).extracting(Turn::text).containsExactly("q21", "q22", "q23", "q24");
    }

    @Test
    void keeps_text_exactly_including_newlines_and_quotes() {
        ConversationStore store = store();
        String text = "line one\nline \"two\" \\ ünïcødé 👍";
        store.append("c", List.of(Turn.assistant(text)));

        assertThat(store.history("c")).containsExactly(Turn.assistant(text));
    }

    @Test
    void concurrent_appends_to_one_conversation_lose_nothing_within_the_bound() throws Exception {
        ConversationStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < MAX_TURNS; i++) {
            String text = "q" + i;
            pool.execute(() -> store.append("c", List.of(Turn.user(text))));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        List<String> texts =
                new ArrayList<>(store.history("c").stream().map(Turn::text).toList());
        assertThat(texts).containsExactlyInAnyOrder("q0", "q1", "q2", "q3");
    }
}
