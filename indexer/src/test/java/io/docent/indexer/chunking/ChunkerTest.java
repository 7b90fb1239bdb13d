package io.docent.indexer.chunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.Chunk;
import io.docent.core.SourceDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static final TokenCounter TOKENS = TokenCounter.cl100k();
    private final Chunker chunker = new Chunker();
    private final ChunkerSettings settings = ChunkerSettings.DEFAULT;

    private static SourceDocument doc(String content, List<String> breadcrumb) {
        return new SourceDocument(
                "hb:deploy.html",
                "hb",
                "Handbook",
                "Deploying",
                "https://wiki.example.com/deploy",
                breadcrumb,
                content,
                "hash-1",
                Instant.parse("2026-03-04T00:00:00Z"),
                Set.of("engineering"),
                Map.of());
    }

    private static SourceDocument doc(String content) {
        return doc(content, List.of());
    }

    /** Distinct sentences of about 18 tokens each. */
    private static String prose(String topic, int sentences) {
        return IntStream.range(0, sentences)
                .mapToObj(i -> "Sentence " + i + " about " + topic + " explains one more rule that staff should"
                        + " follow when they work on it.")
                .collect(Collectors.joining(" "));
    }

    private static int tokens(Chunk c) {
        return TOKENS.count(c.textForEmbedding());
    }

    @Test
    void a_short_document_is_one_chunk_that_carries_the_documents_fields() {
        List<Chunk> chunks = chunker.chunk(doc("Deploys happen on weekdays.", List.of("Engineering")));

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("hb:deploy.html#0");
            assertThat(c.documentId()).isEqualTo("hb:deploy.html");
            assertThat(c.ordinal()).isZero();
            assertThat(c.text()).isEqualTo("Deploys happen on weekdays.");
            assertThat(c.breadcrumb()).isEqualTo("Engineering");
            assertThat(c.source()).isEqualTo("hb");
            assertThat(c.space()).isEqualTo("Handbook");
            assertThat(c.url()).isEqualTo("https://wiki.example.com/deploy");
            assertThat(c.contentHash()).isEqualTo("hash-1");
            assertThat(c.accessGroups()).containsExactly("engineering");
            assertThat(c.lastModified()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
            assertThat(c.embedding()).isNull();
        });
    }

    @Test
    void chunk_ids_are_the_document_id_and_ordinal() {
        List<Chunk> chunks = chunker.chunk(doc(prose("budgets", 60)));

        assertThat(chunks).hasSizeGreaterThan(2);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).id()).isEqualTo("hb:deploy.html#" + i);
            assertThat(chunks.get(i).ordinal()).isEqualTo(i);
        }
    }

    @Test
    void headings_become_the_breadcrumb_after_the_documents_own_ancestors() {
        String content = "# Deploying\n\n## Environments\n\n" + prose("environments", 12) + "\n\n### Staging\n\n"
                + prose("staging", 12) + "\n\n## Rolling back\n\n" + prose("rollbacks", 12);

        List<Chunk> chunks = chunker.chunk(doc(content, List.of("Engineering")));

        assertThat(chunks)
                .extracting(Chunk::breadcrumb)
                .containsExactly(
                        "Engineering > Environments",
                        "Engineering > Environments > Staging",
                        "Engineering > Rolling back");
        assertThat(chunks.get(0).text()).startsWith("## Environments\n\nSentence 0 about environments");
        assertThat(chunks).noneMatch(c -> c.text().contains("# Deploying")); // the title is not repeated
        assertThat(chunks.get(2).textForEmbedding()).startsWith("Deploying (Engineering > Rolling back)\n## Rolling");
    }

    @Test
    void a_long_table_is_split_between_rows_and_every_piece_repeats_the_header() {
        StringBuilder table =
                new StringBuilder("Prices per region:\n\n| Region | Plan | Monthly price |\n| --- | --- | --- |\n");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String row = "| Region " + i + " | Plan " + (i % 7) + " with support | " + (100 + i) + " EUR |";
            rows.add(row);
            table.append(row).append('\n');
        }

        List<Chunk> chunks = chunker.chunk(doc(table.toString()));

        assertThat(chunks).hasSizeGreaterThan(3);
        for (Chunk c : chunks) {
            String tablePart = c.text().substring(c.text().indexOf('|'));
            assertThat(tablePart).startsWith("| Region | Plan | Monthly price |\n| --- | --- | --- |\n| Region ");
            for (String line : c.text().split("\n")) {
                if (line.startsWith("|")) {
                    assertThat(line).endsWith("|"); // no row is cut
                }
            }
        }
        String all = chunks.stream().map(Chunk::text).collect(Collectors.joining("\n"));
        assertThat(rows).allMatch(row -> all.contains(row + "\n") || all.endsWith(row));
    }

    @Test
    void a_code_block_is_never_cut_even_where_a_chunk_ends() {
        String code = "```bash\n"
                + IntStream.range(0, 25)
                        .mapToObj(i -> "gxctl deploy service-" + i + " --env production")
                        .collect(Collectors.joining("\n"))
                + "\n```";
        String content = prose("deploys", 14) + "\n\n" + code + "\n\n" + prose("after", 10);

        List<Chunk> chunks = chunker.chunk(doc(content));

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks)
                .filteredOn(c -> c.text().contains("```"))
                .singleElement()
                .satisfies(c -> assertThat(c.text()).contains(code));
    }

    @Test
    void a_code_block_larger_than_a_chunk_is_cut_between_lines_and_every_piece_is_fenced() {
        String code = "```java\n"
                + IntStream.range(0, 200)
                        .mapToObj(i -> "    int value" + i + " = compute(" + i + ");")
                        .collect(Collectors.joining("\n"))
                + "\n```";

        List<Chunk> chunks = chunker.chunk(doc(code));

        assertThat(chunks).hasSizeGreaterThan(1);
        for (Chunk c : chunks) {
            assertThat(c.text()).startsWith("```java\n").endsWith("\n```");
            assertThat(tokens(c)).isLessThanOrEqualTo(settings.maxTokens());
        }
        String all = chunks.stream().map(Chunk::text).collect(Collectors.joining("\n"));
        assertThat(all).contains("    int value0 = compute(0);", "    int value199 = compute(199);");
    }

    @Test
    void chunks_stay_within_the_token_bounds() {
        StringBuilder content = new StringBuilder();
        for (int s = 0; s < 8; s++) {
            content.append("## Section ").append(s).append("\n\n").append(prose("topic " + s, 5 + s * 4));
            content.append("\n\n- item one of section ").append(s).append("\n- item two\n- item three\n\n");
        }

        List<Chunk> chunks = chunker.chunk(doc(content.toString(), List.of("Engineering", "Platform")));

        assertThat(chunks).hasSizeGreaterThan(5);
        assertThat(chunks).isNotEmpty().allSatisfy(c -> assertThat(tokens(c))
                .isLessThanOrEqualTo(settings.maxTokens()));
        assertThat(chunks.subList(0, chunks.size() - 1)).isNotEmpty().allSatisfy(c -> assertThat(tokens(c))
                .isGreaterThanOrEqualTo(settings.minTokens()));
    }

    @Test
    void consecutive_chunks_of_one_section_overlap_by_whole_sentences() {
        List<Chunk> chunks = chunker.chunk(doc(prose("expenses", 60)));

        assertThat(chunks).hasSizeGreaterThan(2);
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String current = chunks.get(i).text();
            String firstSentence = current.substring(0, current.indexOf('.') + 1);
            assertThat(firstSentence).startsWith("Sentence ");
            assertThat(previous).endsWith(overlapOf(previous, current));
            String overlap = overlapOf(previous, current);
            assertThat(TOKENS.count(overlap)).isPositive().isLessThanOrEqualTo(settings.overlapTokens());
        }
    }

    /** The longest start of {@code current} that ends {@code previous}. */
    private static String overlapOf(String previous, String current) {
        for (int n = Math.min(previous.length(), current.length()); n > 0; n--) {
            if (previous.endsWith(current.substring(0, n))) {
                return current.substring(0, n);
            }
        }
        return "";
    }

    @Test
    void a_cut_at_a_heading_repeats_nothing() {
        String content = "## One\n\n" + prose("one", 14) + "\n\n## Two\n\n" + prose("two", 14);

        List<Chunk> chunks = chunker.chunk(doc(content));

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(1).text()).startsWith("## Two\n\nSentence 0 about two");
    }

    @Test
    void tiny_sections_are_merged_with_their_neighbours() {
        String content = "## Wi-Fi\n\nUse Globex-Staff.\n\n## Printing\n\nPrint from any floor.\n\n"
                + "## Parking\n\nAsk reception for a pass.";

        List<Chunk> chunks = chunker.chunk(doc(content, List.of("Facilities")));

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.text()).contains("## Wi-Fi", "## Printing", "## Parking", "Ask reception for a pass.");
            assertThat(c.breadcrumb()).isEqualTo("Facilities"); // spans sections: only what they share
        });
    }

    @Test
    void a_short_last_piece_joins_the_chunk_before_it() {
        String content = "## Policy\n\n" + prose("policy", 14) + "\n\n## Contact\n\nAsk HR.";

        List<Chunk> chunks = chunker.chunk(doc(content));

        assertThat(chunks.getLast().text()).endsWith("## Contact\n\nAsk HR.");
        assertThat(chunks.getLast().text()).contains("## Policy");
    }

    @Test
    void a_document_without_text_is_one_chunk_holding_its_title() {
        assertThat(chunker.chunk(doc(""))).singleElement().satisfies(c -> assertThat(c.text())
                .isEqualTo("Deploying"));
        assertThat(chunker.chunk(doc("# Deploying\n")))
                .singleElement()
                .extracting(Chunk::text)
                .isEqualTo("Deploying");
    }

    @Test
    void text_without_spaces_or_full_stops_is_cut_to_fit() {
        String chinese = "杭州房产板块划分图显示主城区与其他区域的行政划分和重点建设区域".repeat(120);

        List<Chunk> chunks = chunker.chunk(doc(chinese));

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).isNotEmpty().allSatisfy(c -> assertThat(tokens(c))
                .isLessThanOrEqualTo(settings.maxTokens()));
        assertThat(chunks.stream().map(Chunk::text).collect(Collectors.joining()))
                .contains("杭州房产板块划分图");
    }

    @Test
    void other_sizes_can_be_configured_for_measurement() {
        ChunkerSettings small = ChunkerSettings.forTarget(120);
        List<Chunk> chunks = new Chunker(small).chunk(doc(prose("sizes", 60)));

        assertThat(small.maxTokens()).isEqualTo(155);
        assertThat(chunks).isNotEmpty().allSatisfy(c -> assertThat(tokens(c)).isLessThanOrEqualTo(155));
        assertThat(chunks.size())
                .isGreaterThan(chunker.chunk(doc(prose("sizes", 60))).size());
        assertThat(small.fingerprint()).isNotEqualTo(ChunkerSettings.DEFAULT.fingerprint());
    }

    @Test
    void the_defaults_leave_room_under_bges_512_token_limit() {
        assertThat(ChunkerSettings.forTarget(ChunkerSettings.DEFAULT_TARGET_TOKENS))
                .isEqualTo(ChunkerSettings.DEFAULT);
        assertThat(ChunkerSettings.DEFAULT_MAX_TOKENS * 1.3 + 2).isLessThan(512);
        assertThat((double) ChunkerSettings.DEFAULT_OVERLAP_TOKENS / ChunkerSettings.DEFAULT_TARGET_TOKENS)
                .isBetween(0.10, 0.15);
    }

    @Test
    void inconsistent_settings_are_refused_with_the_field_named() {
        assertThatThrownBy(() -> new ChunkerSettings(300, 200, 100, 30)).hasMessageContaining("maxTokens");
        assertThatThrownBy(() -> new ChunkerSettings(300, 400, 350, 30)).hasMessageContaining("targetTokens");
        assertThatThrownBy(() -> new ChunkerSettings(300, 400, 150, 200)).hasMessageContaining("overlapTokens");
    }
}
