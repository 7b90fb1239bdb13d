package io.docent.core.pipeline;

import static io.docent.core.TestChunk.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.docent.core.Scope;
import io.docent.core.SearchHit;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import io.docent.core.lucene.LuceneSearchIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermRarityTest {

    @TempDir
    Path dir;

    private LuceneSearchIndex index;

    @BeforeEach
    void indexTenPages() {
        index = LuceneSearchIndex.openTextOnly(dir);
        for (int i = 0; i < 9; i++) {
            String id = "team-" + i;
            index.replaceDocument(
                    id,
                    List.of(chunk(id)
                            .title("Team page " + i)
                            .text("The company team " + i + " meets on Mondays. Anyone can join the team.")
                            .build()));
        }
        index.replaceDocument(
                "sports",
                List.of(chunk("sports")
                        .title("Sports")
                        .text("The company runs a running club.")
                        .build()));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void the_index_counts_the_chunks_holding_each_term_in_title_breadcrumb_or_text() {
        Map<String, Long> counts = index.termCounts(Set.of("team", "compani", "footbal", "sport"));

        assertThat(counts)
                .containsEntry("team", 9L)
                .containsEntry("compani", 10L)
                .containsEntry("footbal", 0L);
        assertThat(counts).containsEntry("sport", 1L); // only in the title "Sports"
    }

    @Test
    void a_word_no_chunk_holds_weighs_most_and_a_word_every_chunk_holds_least() {
        Map<String, Double> weights = TermRarity.of(index).weights(Set.of("compani", "team", "footbal"));

        assertThat(weights.get("footbal")).isCloseTo(Math.log(1 + 10.5 / 0.5), within(1e-9));
        assertThat(weights.get("footbal")).isGreaterThan(weights.get("team"));
        assertThat(weights.get("team")).isGreaterThan(weights.get("compani"));
        assertThat(weights.values()).isNotEmpty().allSatisfy(w -> assertThat(w).isPositive());
    }

    @Test
    void coverage_weighs_the_missing_subject_by_its_rarity() {
        var page = index.search(new SearchRequest("team", null, SearchMode.TEXT, 1, Scope.ALL))
                .getFirst();
        SearchHit hit = new SearchHit(page.chunk(), 1, 1, 1, 0.7);
        String question = "How do I join the company football team?";

        double uniform = new RelevanceGate(GateModel.similarityOnly(0.5), 3)
                .evidence(question, List.of(hit))
                .getFirst()
                .coverage();
        double weighted = new RelevanceGate(GateModel.similarityOnly(0.5), 3, TermRarity.of(index))
                .evidence(question, List.of(hit))
                .getFirst()
                .coverage();

        // join, compani of join, compani, footbal ("team" names the kind of answer, AnswerKindWords, and weighs
        // nothing)
        assertThat(uniform).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(weighted).isLessThan(0.5); // "football", in no chunk, is most of the question's weight
    }

    @Test
    void without_counts_every_word_weighs_one() {
        assertThat(TermRarity.uniform().weights(Set.of("a", "b")))
                .containsOnly(Map.entry("a", 1.0), Map.entry("b", 1.0));
    }
}
