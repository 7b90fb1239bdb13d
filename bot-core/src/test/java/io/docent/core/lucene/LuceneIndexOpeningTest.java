package io.docent.core.lucene;

import static io.docent.core.TestChunk.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException.IndexUnavailable;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import io.docent.core.TestChunk;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening an index that cannot be used: every failure is an {@link IndexUnavailable} that says what to do. */
class LuceneIndexOpeningTest {

    static final String MODEL = "bge-small-en-v1.5";

    @TempDir
    Path dir;

    @BeforeEach
    void buildIndex() {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir, MODEL, 4)) {
            for (int i = 0; i < 20; i++) {
                index.replaceDocument(
                        "doc-" + i,
                        List.of(chunk("doc-" + i)
                                .text("chunk number " + i)
                                .vector(1, i, 0, 0)
                                .build()));
            }
        }
    }

    @Test
    void index_built_with_another_model_is_refused_naming_both_models_and_how_to_rebuild() {
        assertThatThrownBy(() -> LuceneSearchIndex.open(dir, "text-embedding-3-small", 4))
                .isInstanceOf(IndexUnavailable.class)
                .hasMessageContaining("'" + MODEL + "'")
                .hasMessageContaining("'text-embedding-3-small'")
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("docent index --rebuild")
                .hasMessageContaining("delete the directory");
    }

    @Test
    void index_built_with_another_dimension_is_refused() {
        assertThatThrownBy(() -> LuceneSearchIndex.open(dir, MODEL, 384))
                .isInstanceOf(IndexUnavailable.class)
                .hasMessageContaining("(4 dimensions)")
                .hasMessageContaining("(384 dimensions)");
        assertThatThrownBy(() -> LuceneSearchIndex.openTextOnly(dir))
                .isInstanceOf(IndexUnavailable.class)
                .hasMessageContaining("text-only");
    }

    @Test
    void second_open_of_a_locked_index_names_the_path_and_the_other_process() {
        try (LuceneSearchIndex first = LuceneSearchIndex.open(dir, MODEL, 4)) {
            assertThatThrownBy(() -> LuceneSearchIndex.open(dir, MODEL, 4))
                    .isInstanceOf(IndexUnavailable.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("another Docent process");
            assertThat(first.chunkCount()).isEqualTo(20);
        }
    }

    @Test
    void refused_open_leaves_the_index_intact_and_unlocked() {
        assertThatThrownBy(() -> LuceneSearchIndex.open(dir, "other-model", 4));

        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir, MODEL, 4)) {
            assertThat(index.chunkCount()).isEqualTo(20);
        }
    }

    @Test
    void truncated_segment_file_gives_index_unavailable_with_rebuild_advice() throws IOException {
        Path largest = largestSegmentFile();
        try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }

        assertThatThrownBy(() -> LuceneSearchIndex.open(dir, MODEL, 4))
                .isInstanceOf(IndexUnavailable.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("damaged")
                .hasMessageContaining("docent index --rebuild");
    }

    @Test
    void garbled_commit_point_gives_index_unavailable() throws IOException {
        Path segments = segmentsFile();
        byte[] bytes = Files.readAllBytes(segments);
        for (int i = bytes.length / 3; i < bytes.length / 2; i++) {
            bytes[i] ^= (byte) 0x5a;
        }
        Files.write(segments, bytes);

        assertThatThrownBy(() -> LuceneSearchIndex.open(dir, MODEL, 4))
                .isInstanceOf(IndexUnavailable.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining("docent index --rebuild");
    }

    @Test
    void index_files_without_a_commit_point_are_refused_and_kept() throws IOException {
        Files.delete(segmentsFile());
        long filesBefore = fileCount();

        assertThatThrownBy(() -> LuceneSearchIndex.open(dir, MODEL, 4))
                .isInstanceOf(IndexUnavailable.class)
                .hasMessageContaining("no segments_N file")
                .hasMessageContaining("docent index --rebuild");
        assertThat(fileCount()).isEqualTo(filesBefore);
    }

    @Test
    void recreate_discards_a_damaged_index_and_starts_empty() throws IOException {
        Files.delete(segmentsFile());
        Files.writeString(dir.resolve("notes.txt"), "not an index file");

        try (LuceneSearchIndex index = LuceneSearchIndex.builder(dir)
                .embeddingModel("other-model", 4)
                .recreate()
                .open()) {
            assertThat(index.chunkCount()).isZero();
            index.replaceDocument(
                    "new", List.of(chunk("new").text("fresh").vector(1, 0, 0, 0).build()));
            assertThat(index.search(new SearchRequest("fresh", null, SearchMode.TEXT, 5, null)))
                    .hasSize(1);
        }
        assertThat(dir.resolve("notes.txt")).exists();
    }

    @Test
    void model_is_recorded_in_a_new_index_before_any_write() {
        Path fresh = dir.resolve("fresh");
        LuceneSearchIndex.open(fresh, MODEL, 4).close();

        assertThatThrownBy(() -> LuceneSearchIndex.open(fresh, "other-model", 4))
                .isInstanceOf(IndexUnavailable.class);
        LuceneSearchIndex.open(fresh, MODEL, 4).close();
    }

    @Test
    void model_stays_recorded_through_later_sessions() {
        for (int session = 0; session < 2; session++) {
            try (LuceneSearchIndex index = LuceneSearchIndex.open(dir, MODEL, 4)) {
                index.replaceDocument(
                        "later-" + session, List.of(chunk("later-" + session).build()));
                index.commit();
            }
        }

        assertThatThrownBy(() -> LuceneSearchIndex.open(dir, "other-model", 4))
                .isInstanceOf(IndexUnavailable.class)
                .hasMessageContaining("'" + MODEL + "'");
    }

    @Test
    void query_vector_of_another_dimension_is_invalid_input() {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir, MODEL, 4)) {
            assertThatThrownBy(() ->
                            index.search(new SearchRequest(null, TestChunk.unit(1, 0, 0), SearchMode.VECTOR, 5, null)))
                    .isInstanceOf(io.docent.core.DocentException.InvalidInput.class)
                    .hasMessageContaining("the query has 3 dimensions");
        }
    }

    private Path largestSegmentFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("_"))
                    .max(Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow();
        }
    }

    private Path segmentsFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("segments_"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private long fileCount() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
