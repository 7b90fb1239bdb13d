package io.docent.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Turn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaffeineConversationStoreTest {

    private final AtomicLong nanos = new AtomicLong();
    private final CaffeineConversationStore store =
            new CaffeineConversationStore(100, 4, Duration.ofMinutes(30), nanos::get);

    @Test
    void keeps_history_per_conversation_in_order() {
        store.append("c1", List.of(Turn.user("q1"), Turn.assistant("a1")));
        store.append("c2", List.of(Turn.user("other")));
        store.append("c1", List.of(Turn.user("q2")));

        assertThat(store.history("c1")).containsExactly(Turn.user("q1"), Turn.assistant("a1"), Turn.user("q2"));
        assertThat(store.history("unknown")).isEmpty();
    }

    @Test
    void keeps_only_the_newest_turns() {
        for (int i = 0; i < 10; i++) {
            store.append("c", List.of(Turn.user("q" + i)));
        }

        assertThat(store.history("c")).extracting(Turn::text).containsExactly("q6", "q7", "q8", "q9");
    }

    @Test
    void forgets_idle_conversations() {
        store.append("c", List.of(Turn.user("q")));

        nanos.addAndGet(Duration.ofMinutes(31).toNanos());

        assertThat(store.history("c")).isEmpty();
    }
}
