package io.docent.slack.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionsTest {

    @Test
    void keeps_short_text_whole() {
        assertThat(Sections.split("short", 100)).containsExactly("short");
    }

    @Test
    void splits_at_paragraphs_first() {
        String text = "a".repeat(60) + "\n\n" + "b".repeat(60);

        assertThat(Sections.split(text, 100)).containsExactly("a".repeat(60), "b".repeat(60));
    }

    @Test
    void never_cuts_inside_a_link_or_an_entity() {
        String link = "<https://wiki.example.com/a|a long link label>";
        String text = ("word " + link + " &amp; ").repeat(40);

        List<String> pieces = Sections.split(text, 120);

        assertThat(pieces).isNotEmpty().allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(120);
            assertThat(p.chars().filter(c -> c == '<').count())
                    .isEqualTo(p.chars().filter(c -> c == '>').count());
            assertThat(p).doesNotEndWith("&amp").doesNotStartWith("amp;");
        });
        assertThat(String.join(" ", pieces).replaceAll("\\s+", " "))
                .isEqualTo(text.strip().replaceAll("\\s+", " "));
    }

    @Test
    void cuts_text_without_spaces_at_the_limit() {
        assertThat(Sections.split("x".repeat(250), 100))
                .extracting(String::length)
                .containsExactly(100, 100, 50);
    }
}
