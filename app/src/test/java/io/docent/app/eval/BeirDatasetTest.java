package io.docent.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDatasetTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeDataset() throws Exception {
        Files.createDirectories(dir.resolve("qrels"));
        StringBuilder corpus = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            corpus.append("{\"_id\":\"d%d\",\"title\":\"T%d\",\"text\":\"text %d\"}\n".formatted(i, i, i));
        }
        Files.writeString(dir.resolve("corpus.jsonl"), corpus);
        Files.writeString(dir.resolve("queries.jsonl"), """
                {"_id":"q1","text":"one"}
                {"_id":"q2","text":"two"}
                {"_id":"q3","text":"unjudged"}
                """);
        Files.writeString(
                dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td7\t1\nq2\td5\t1\nq2\td8\t0\n");
    }

    private static List<String> ids(BeirDataset data) {
        List<String> ids = new ArrayList<>();
        data.forEachDoc(d -> ids.add(d.id()));
        return ids;
    }

    @Test
    void the_whole_corpus_is_streamed_by_default() {
        BeirDataset data = BeirDataset.load(dir, "test", note -> {});

        assertThat(data.queries()).containsOnlyKeys("q1", "q2");
        assertThat(ids(data)).containsExactly("d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8");
    }

    @Test
    void a_corpus_limit_keeps_the_judged_documents_then_the_first_others() {
        BeirDataset data = BeirDataset.load(dir, "test", note -> {}).limitCorpus(4);

        // d5 and d7 are judged relevant; d8's grade 0 is not a judgement that counts
        assertThat(ids(data)).containsExactly("d1", "d2", "d5", "d7");
    }

    @Test
    void the_corpus_limit_follows_the_queries_kept() {
        BeirDataset data =
                BeirDataset.load(dir, "test", note -> {}).limitQueries(1).limitCorpus(2);

        assertThat(ids(data)).containsExactly("d1", "d7");
    }

    @Test
    void judged_documents_are_kept_even_past_the_limit() {
        BeirDataset data = BeirDataset.load(dir, "test", note -> {}).limitCorpus(1);

        assertThat(ids(data)).containsExactly("d5", "d7");
    }

    @Test
    void a_corpus_limit_below_one_is_refused() {
        BeirDataset data = BeirDataset.load(dir, "test", note -> {});

        assertThatThrownBy(() -> data.limitCorpus(0))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("corpus limit");
    }
}
