package io.docent.core.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.ConversationStore;
import io.docent.core.ConversationStoreContract;
import io.docent.core.Turn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConversationStoreTest extends ConversationStoreContract {

    @TempDir
    Path dir;

    @Override
    protected ConversationStore store() {
        return new FileConversationStore(dir, MAX_TURNS, Duration.ofHours(1), Clock.systemUTC());
    }

    @Test
    void history_survives_a_new_store_on_the_same_folder() {
        store().append("a:1", List.of(Turn.user("q"), Turn.assistant("a")));

        assertThat(store().history("a:1")).containsExactly(Turn.user("q"), Turn.assistant("a"));
    }

    @Test
    void files_stay_small_and_are_named_by_hash() throws Exception {
        ConversationStore store = store();
        for (int i = 0; i < 50; i++) {
            store.append("19:x@thread.tacv2;messageid=1", List.of(Turn.user("q" + i)));
        }

        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("[0-9a-f]{64}\\.jsonl");
        assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(2 * MAX_TURNS);
    }

    @Test
    void a_torn_line_is_skipped_and_the_rest_kept() throws Exception {
        ConversationStore store = store();
        store.append("c", List.of(Turn.user("q1")));
        Path file;
        try (Stream<Path> list = Files.list(dir)) {
            file = list.findFirst().orElseThrow();
        }
        Files.writeString(file, "{\"role\":\"assis", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(file, "\n", java.nio.file.StandardOpenOption.APPEND);
        store.append("c", List.of(Turn.user("q2")));

        assertThat(store.history("c")).containsExactly(Turn.user("q1"), Turn.user("q2"));
    }

    @Test
    void idle_conversations_read_empty_and_are_purged() {
        new FileConversationStore(dir, MAX_TURNS, Duration.ofHours(1), Clock.systemUTC())
                .append("c", List.of(Turn.user("old")));
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
        var store = new FileConversationStore(dir, MAX_TURNS, Duration.ofHours(1), later);

        assertThat(store.history("c")).isEmpty();
        assertThat(store.purgeExpired()).isEqualTo(1);
        store.append("c", List.of(Turn.user("new")));
        assertThat(store.history("c")).containsExactly(Turn.user("new"));
    }
}
