package io.docent.indexer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running headers, footers and page numbers found by what repeats at the pages' edges. */
class RunningLinesTest {

    private static Line line(String text, float y) {
        return new Line(List.of(new Segment(text, 72, 300, y, 10, false)), 72, 540);
    }

    @Test
    void lone_page_numbers_are_recognised() {
        assertThat(List.of("7", "Page 7", "page 7 of 12", "- 7 -", "\u2013 12 \u2013", "7 / 12", "iv", "7 | Contoso"))
                .allMatch(RunningLines::isPageNumber);
        assertThat(List.of("7 days of leave", "Page layout", "Contoso 2026", "Section 7"))
                .noneMatch(RunningLines::isPageNumber);
    }

    @Test
    void edge_lines_repeating_on_half_the_pages_go_and_the_body_stays() {
        List<RunningLines.Page> pages = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            List<Line> lines = List.of(
                    line("Contoso Guide " + (2020 + p), 40), // the number changes: still the same header
                    line("Body text that repeats on every page.", 300),
                    line(p == 2 ? "A one-off note at the bottom" : "Confidential", 752));
            pages.add(new RunningLines.Page(lines, 792));
        }

        List<List<Line>> kept = RunningLines.remove(pages);

        assertThat(kept.get(0)).extracting(Line::text).containsExactly("Body text that repeats on every page.");
        assertThat(kept.get(1))
                .extracting(Line::text)
                .containsExactly("Body text that repeats on every page.", "A one-off note at the bottom");
    }

    @Test
    void a_repeating_first_line_of_body_text_is_kept() {
        List<RunningLines.Page> pages = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            pages.add(new RunningLines.Page(
                    List.of(line("Step " + p + " of the process is this.", 80), line("More body text.", 93)), 792));
        }

        assertThat(RunningLines.remove(pages))
                .allSatisfy(kept -> assertThat(kept).hasSize(2));
    }
}
