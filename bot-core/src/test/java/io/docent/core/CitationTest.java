package io.docent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationTest {

    @Test
    void reads_the_page_or_slide_from_the_chunk_url() {
        assertThat(new Citation(1, "Benefits Guide", "https://x.example/guide.pdf#page=7", "").label())
                .isEqualTo("Benefits Guide (p. 7)");
        assertThat(new Citation(1, "Onboarding", "file:///d/onboarding.pptx#slide=3", "").location())
                .isEqualTo("slide 3");
        assertThat(new Citation(1, "VPN", "https://wiki.example/vpn#section-2", "").label())
                .isEqualTo("VPN");
        assertThat(new Citation(1, "", "https://wiki.example/vpn", "").label()).isEqualTo("https://wiki.example/vpn");
    }

    @Test
    void several_chunks_of_one_document_keep_their_pages_and_link_the_best_one() {
        String merged = Citation.mergedUrl(
                "guide.pdf#page=5", List.of("guide.pdf#page=3", "guide.pdf#page=5", "guide.pdf#page=3"));

        assertThat(merged).isEqualTo("guide.pdf#page=5&pages=3,5");
        assertThat(Citation.location(merged)).isEqualTo("pp. 3, 5");
        assertThat(Citation.mergedUrl("guide.pdf#page=4", List.of("guide.pdf#page=4", "guide.pdf#page=4")))
                .isEqualTo("guide.pdf#page=4");
        assertThat(Citation.mergedUrl("https://wiki.example/a", List.of("https://wiki.example/a")))
                .isEqualTo("https://wiki.example/a");
    }
}
