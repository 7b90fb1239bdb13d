package io.docent.core.lucene;

import static io.docent.core.TestChunk.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException.IndexUnavailable;
import io.docent.core.Scope;
import io.docent.core.SearchHit;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index opened for reading only, beside a writer of its own (as {@code docent serve} runs beside a scheduled
 * {@code docent index}): no lock taken, the writer's commits seen after the refresh interval, writes refused.
 */
class LuceneReadOnlyIndexTest {

    private static final String MODEL = "bge-small-en-v1.5";

    @TempDir
    Path dir;

    private static void put(LuceneSearchIndex index, String documentId, String text) {
        index.replaceDocument(
                documentId,
                List.of(chunk(documentId).text(text).vector(1, 0, 0, 0).build()));
    }

    private static List<String> documentsMatching(LuceneSearchIndex index, String text) {
        return index.search(new SearchRequest(text, null, SearchMode.TEXT, 10, Scope.ALL)).stream()
                .map(SearchHit::chunk)
                .map(c -> c.documentId())
                .toList();
    }

    private LuceneSearchIndex writer() {
        return LuceneSearchIndex.open(dir, MODEL, 4);
    }

    @Test
    void reader_opens_while_a_writer_holds_the_lock_and_sees_its_commits_after_a_refresh() {
        try (LuceneSearchIndex writer = writer()) {
            put(writer, "vpn", "request vpn access in the portal");
            writer.commit();
            try (LuceneSearchIndex reader =
                    LuceneSearchIndex.builder(dir).embeddingModel(MODEL, 4).openReadOnly(Duration.ZERO)) {
                assertThat(reader.readOnly()).isTrue();
                assertThat(documentsMatching(reader, "vpn")).containsExactly("vpn");

                put(writer, "vpn", "the vpn needs a hardware token now");
                put(writer, "printer", "printers release jobs with your badge");
                assertThat(documentsMatching(reader, "printers"))
                        .as("uncommitted writes stay invisible to another reader")
                        .isEmpty();

                writer.commit();
                assertThat(documentsMatching(reader, "printers")).containsExactly("printer");
                assertThat(documentsMatching(reader, "token")).containsExactly("vpn");
                assertThat(documentsMatching(reader, "portal"))
                        .as("the replaced chunk is gone")
                        .isEmpty();
                assertThat(reader.chunkCount()).isEqualTo(2);
            }
        }
    }

    @Test
    void reader_keeps_its_view_until_the_refresh_interval_has_passed() {
        try (LuceneSearchIndex writer = writer()) {
            put(writer, "a", "alpha");
            writer.commit();
            try (LuceneSearchIndex reader =
                    LuceneSearchIndex.builder(dir).embeddingModel(MODEL, 4).openReadOnly(Duration.ofHours(1))) {
                put(writer, "b", "bravo");
                writer.commit();

                assertThat(reader.chunkCount()).isEqualTo(1);
                assertThat(documentsMatching(reader, "bravo")).isEmpty();
            }
        }
    }

    @Test
    void a_writer_can_open_while_a_reader_is_open_and_merge_away_the_files_the_reader_uses() {
        try (LuceneSearchIndex first = writer()) {
            for (int i = 0; i < 30; i++) {
                put(first, "doc-" + i, "document number " + i);
                first.commit(); // a segment per commit, for the merge below to remove
            }
        }
        try (LuceneSearchIndex reader =
                LuceneSearchIndex.builder(dir).embeddingModel(MODEL, 4).openReadOnly(Duration.ZERO)) {
            try (LuceneSearchIndex writer = writer()) {
                for (int i = 0; i < 30; i++) {
                    writer.deleteDocument("doc-" + i);
                }
                put(writer, "fresh", "a fresh start");
                writer.commit();
            }
            assertThat(documentsMatching(reader, "fresh")).containsExactly("fresh");
            assertThat(reader.chunkCount()).isEqualTo(1);
        }
    }

    @Test
    void writes_to_a_read_only_index_are_refused_and_change_nothing() {
        try (LuceneSearchIndex writer = writer()) {
            put(writer, "a", "alpha");
        }
        try (LuceneSearchIndex reader =
                LuceneSearchIndex.builder(dir).embeddingModel(MODEL, 4).openReadOnly()) {
            assertThatThrownBy(() -> put(reader, "b", "bravo"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reading only");
            assertThatThrownBy(() -> reader.deleteDocument("a")).isInstanceOf(IllegalStateException.class);
            reader.commit(); // nothing to make durable: no error
        }
        try (LuceneSearchIndex writer = writer()) {
            assertThat(documentsMatching(writer, "alpha")).containsExactly("a");
            assertThat(writer.chunkCount()).isEqualTo(1);
        }
    }

    @Test
    void a_missing_index_is_refused_with_how_to_build_one_and_nothing_is_created() {
        Path missing = dir.resolve("none");
        assertThatThrownBy(() -> LuceneSearchIndex.builder(missing)
                        .embeddingModel(MODEL, 4)
                        .openReadOnly())
                .isInstanceOf(IndexUnavailable.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("docent index --source");
        assertThat(missing).doesNotExist();
    }

    @Test
    void an_index_of_another_model_is_refused_read_only_too() {
        writer().close();
        assertThatThrownBy(() -> LuceneSearchIndex.builder(dir)
                        .embeddingModel("text-embedding-3-small", 4)
                        .openReadOnly())
                .isInstanceOf(IndexUnavailable.class)
                .hasMessageContaining("text-embedding-3-small");
    }
}
