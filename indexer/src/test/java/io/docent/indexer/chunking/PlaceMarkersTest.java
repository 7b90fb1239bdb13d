package io.docent.indexer.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Chunk;
import io.docent.core.SourceDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Page and slide markers in a document's text give each chunk the URL of its place and never reach its text. */
class PlaceMarkersTest {

    private final Chunker chunker = new Chunker();

    private static SourceDocument doc(String url, String content) {
        return new SourceDocument(
                "f:guide.pdf",
                "f",
                "Files",
                "Guide",
                url,
                List.of(),
                content,
                "hash",
                Instant.parse("2026-03-04T00:00:00Z"),
                Set.of(),
                Map.of());
    }

    private static String page(int n, String topic) {
        return "<!--docent:page=" + n + "-->\n\n## " + topic + "\n\n"
                + IntStream.range(0, 14)
                        .mapToObj(i -> "Rule " + i + " of " + topic + " says what staff do on page " + n + " today.")
                        .collect(Collectors.joining(" "));
    }

    @Test
    void each_chunk_cites_the_page_its_own_text_starts_on() {
        String content =
                IntStream.rangeClosed(1, 6).mapToObj(n -> page(n, "Topic " + n)).collect(Collectors.joining("\n\n"));

        List<Chunk> chunks = chunker.chunk(doc("https://files.example.com/guide.pdf", content));

        assertThat(chunks).hasSizeGreaterThan(2);
        for (Chunk c : chunks) {
            assertThat(c.text()).doesNotContain("<!--", "docent:");
            assertThat(c.url()).matches("https://files\\.example\\.com/guide\\.pdf#page=\\d");
            String page = c.url().substring(c.url().indexOf('=') + 1);
            String own = c.text().substring(c.text().lastIndexOf("Rule")); // overlap aside, the last sentence is own
            assertThat(own).contains("on page " + page + " today");
        }
        assertThat(chunks.getFirst().url()).endsWith("#page=1");
        assertThat(chunks.getLast().url()).endsWith("#page=6");
    }

    @Test
    void a_sentence_before_a_marker_is_not_joined_with_the_page_after_it() {
        String content = "Short first page text.\n<!--docent:page=2-->\nSecond page text.";

        List<Chunk> chunks = chunker.chunk(doc("guide.pdf", content));

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("Short first page text.\n\nSecond page text.");
            assertThat(c.url()).isEqualTo("guide.pdf"); // its first unit comes before any marker
        });
    }

    @Test
    void slides_give_slide_fragments_and_a_url_with_a_fragment_keeps_it() {
        String slides = "<!--docent:slide=1-->\n\nWelcome.\n\n<!--docent:slide=2-->\n\nAgenda.";

        assertThat(chunker.chunk(doc("deck.pptx", slides)).getFirst().url()).isEqualTo("deck.pptx#slide=1");
        assertThat(chunker.chunk(doc("https://wiki/p#section", slides))
                        .getFirst()
                        .url())
                .isEqualTo("https://wiki/p#section");
        assertThat(chunker.chunk(doc("", slides)).getFirst().url()).isEmpty();
    }

    @Test
    void short_slides_stay_chunks_of_their_own_citing_their_slide() {
        String deck = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> "<!--docent:slide=" + n + "-->\n\n## Step " + n + "\n\nOn this slide, step " + n
                        + " of onboarding is explained in two short sentences. Ask your buddy about step " + n + ".")
                .collect(Collectors.joining("\n\n"));

        List<Chunk> chunks = chunker.chunk(doc("deck.pptx", deck));

        assertThat(chunks)
                .extracting(Chunk::url)
                .containsExactly(
                        "deck.pptx#slide=1",
                        "deck.pptx#slide=2",
                        "deck.pptx#slide=3",
                        "deck.pptx#slide=4",
                        "deck.pptx#slide=5");
        assertThat(chunks.get(3).text()).contains("step 4 of onboarding").doesNotContain("step 3");
    }

    @Test
    void text_without_markers_keeps_the_document_url() {
        assertThat(chunker.chunk(doc("https://wiki/p", "Just text.")).getFirst().url())
                .isEqualTo("https://wiki/p");
    }
}
