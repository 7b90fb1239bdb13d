package io.docent.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.AnswerGenerator.Source;
import io.docent.core.Chunk;
import io.docent.core.Citation;
import io.docent.core.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationCheckerTest {

    private final CitationChecker checker = new CitationChecker();

    @Test
    void removes_citations_to_sources_that_were_not_retrieved() {
        var checked = checker.check("Use the portal [1]. Ask your manager [7].", sources(3));

        assertThat(checked.text()).isEqualTo("Use the portal [1]. Ask your manager.");
        assertThat(checked.citations()).extracting(Citation::title).containsExactly("Doc 1");
    }

    @Test
    void renumbers_in_order_of_first_use() {
        var checked = checker.check("First [3]. Second [1]. Again [3].", sources(3));

        assertThat(checked.text()).isEqualTo("First [1]. Second [2]. Again [1].");
        assertThat(checked.citations()).extracting(Citation::number).containsExactly(1, 2);
        assertThat(checked.citations()).extracting(Citation::title).containsExactly("Doc 3", "Doc 1");
        assertThat(checked.citations().getFirst().url()).isEqualTo("https://wiki.example/3");
    }

    @Test
    void splits_grouped_markers_and_drops_unknown_members() {
        var checked = checker.check("Both say so [2, 9, 1].", sources(2));

        assertThat(checked.text()).isEqualTo("Both say so [1][2].");
    }

    @Test
    void bounds_the_answer_length_at_a_sentence() {
        String longDraft = "This sentence is about the policy [1]. ".repeat(200);

        var checked = new CitationChecker(500).check(longDraft, sources(1));

        assertThat(checked.text()).hasSizeLessThanOrEqualTo(500).endsWith(".");
    }

    @Test
    void snippet_is_short_and_flat() {
        assertThat(CitationChecker.snippet("a\n\nb " + "word ".repeat(200)))
                .startsWith("a b word")
                .hasSizeLessThanOrEqualTo(CitationChecker.SNIPPET_CHARS + 3);
    }

    static List<Source> sources(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n)
                .mapToObj(i -> new Source(i, hit(i)))
                .toList();
    }

    static SearchHit hit(int i) {
        var chunk = new Chunk(
                "d" + i + "#0",
                "d" + i,
                "test",
                "",
                "Doc " + i,
                "https://wiki.example/" + i,
                "",
                "Text " + i,
                0,
                "h",
                null,
                null,
                null);
        return new SearchHit(chunk, 1.0 / i, i, i, 0.8);
    }
}
