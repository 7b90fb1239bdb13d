package io.docent.core;

import static io.docent.core.TestChunk.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SearchIndex} shares (see its Javadoc). An implementation's test extends this class
 * and implements {@link #createIndex()} and {@link #reopenIndex()}; the vocabulary is in {@link SearchIndexFixture}.
 */
public abstract class SearchIndexContract extends SearchIndexFixture {

    @Test
    void replaced_document_is_found_with_every_field() {
        Chunk stored = chunk("doc-1")
                .ordinal(3)
                .space("ENG")
                .title("Deploy guide")
                .breadcrumb("Engineering > Releases")
                .text("Deploys run every Tuesday.")
                .hash("sha-1")
                .groups("eng", "ops")
                .vector(1, 0, 0, 0)
                .build();
        index.replaceDocument("doc-1", List.of(stored));

        List<SearchHit> hits = text("deploys tuesday", 5);

        assertThat(index.chunkCount()).isEqualTo(1);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).chunk())
                .usingRecursiveComparison()
                .ignoringFields("embedding", "lastModified")
                .isEqualTo(stored);
        assertThat(hits.get(0).chunk().lastModified()).isEqualTo(storedInstant(stored.lastModified()));
    }

    @Test
    void replacing_a_document_removes_its_old_chunks() {
        index.replaceDocument("doc-1", chunks("doc-1", 3, "alpha"));
        index.replaceDocument("doc-1", chunks("doc-1", 1, "bravo"));

        assertThat(index.chunkCount()).isEqualTo(1);
        assertThat(text("alpha", 10)).isEmpty();
        assertThat(chunkIds(text("bravo", 10))).containsExactly("doc-1#0");
    }

    @Test
    void replacing_with_no_chunks_deletes_the_document() {
        index.replaceDocument("doc-1", chunks("doc-1", 2, "alpha"));
        index.replaceDocument("doc-1", List.of());

        assertThat(index.chunkCount()).isZero();
        assertThat(index.listDocuments("handbook")).isEmpty();
    }

    @Test
    void delete_removes_every_chunk_of_a_document_and_ignores_unknown_ids() {
        index.replaceDocument("doc-1", chunks("doc-1", 3, "alpha"));
        index.replaceDocument("doc-2", chunks("doc-2", 2, "alpha"));

        index.deleteDocument("doc-1");
        index.deleteDocument("no-such-document");

        assertThat(index.chunkCount()).isEqualTo(2);
        assertThat(documentIds(text("alpha", 10))).containsOnly("doc-2");
    }

    @Test
    void lists_documents_of_a_source_with_hash_and_chunk_count() {
        index.replaceDocument(
                "a",
                List.of(
                        chunk("a").hash("h-a").build(),
                        chunk("a").ordinal(1).hash("h-a").build()));
        index.replaceDocument("b", List.of(chunk("b").hash("h-b").build()));
        index.replaceDocument("c", List.of(chunk("c").source("wiki").hash("h-c").build()));

        assertThat(index.listDocuments("handbook"))
                .containsExactlyInAnyOrder(
                        new IndexedDocument("a", "handbook", "h-a", 2), new IndexedDocument("b", "handbook", "h-b", 1));
        assertThat(index.listDocuments("wiki")).containsExactly(new IndexedDocument("c", "wiki", "h-c", 1));
        assertThat(index.listDocuments("nothing")).isEmpty();
    }

    @Test
    void source_and_space_scopes_apply_to_every_mode() {
        put(
                chunk("hr-1")
                        .source("handbook")
                        .space("HR")
                        .text("holiday rules")
                        .vector(1, 0, 0, 0),
                chunk("eng-1")
                        .source("handbook")
                        .space("ENG")
                        .text("holiday rota")
                        .vector(1, 0.1f, 0, 0),
                chunk("wiki-1")
                        .source("wiki")
                        .space("HR")
                        .text("holiday calendar")
                        .vector(1, 0.2f, 0, 0));

        for (SearchMode mode : SearchMode.values()) {
            assertThat(documentIds(search("holiday", mode, 10, Scope.sources("wiki"))))
                    .as(mode.name())
                    .containsExactly("wiki-1");
            assertThat(documentIds(search("holiday", mode, 10, new Scope(Set.of("handbook"), Set.of("HR"), null))))
                    .as(mode.name())
                    .containsExactly("hr-1");
            assertThat(documentIds(search("holiday", mode, 10, new Scope(Set.of(), Set.of("HR", "ENG"), null))))
                    .as(mode.name())
                    .containsExactlyInAnyOrder("hr-1", "eng-1", "wiki-1");
        }
    }

    @Test
    void access_groups_admit_chunks_sharing_a_group_and_keep_unlabelled_chunks_for_administrators() {
        put(
                chunk("public").text("salary bands").groups(AccessGroups.PUBLIC).vector(1, 0, 0, 0),
                chunk("hr-only").text("salary bands").groups("hr").vector(1, 0.1f, 0, 0),
                chunk("finance").text("salary bands").groups("finance", "board").vector(1, 0.2f, 0, 0),
                chunk("unlabelled").text("salary bands").vector(1, 0.3f, 0, 0));

        for (SearchMode mode : SearchMode.values()) {
            assertThat(documentIds(search("salary", mode, 10, scopeForGroups(Set.of(AccessGroups.PUBLIC, "hr")))))
                    .as(mode.name())
                    .containsExactlyInAnyOrder("public", "hr-only");
            assertThat(documentIds(search("salary", mode, 10, scopeForGroups(Set.of("board", "it")))))
                    .as(mode.name())
                    .containsExactly("finance");
            assertThat(documentIds(search("salary", mode, 10, scopeForGroups(Set.of(AccessGroups.PUBLIC)))))
                    .as(mode.name())
                    .containsExactly("public");
            assertThat(search("salary", mode, 10, scopeForGroups(Set.of())))
                    .as(mode.name())
                    .isEmpty();
            assertThat(documentIds(search("salary", mode, 10, Scope.ALL)))
                    .as(mode.name())
                    .containsExactlyInAnyOrder("public", "hr-only", "finance", "unlabelled");
        }
    }

    @Test
    void a_thousand_groups_filter_as_one_set() {
        put(
                chunk("mine").text("salary bands").groups("g-0999").vector(1, 0, 0, 0),
                chunk("theirs").text("salary bands").groups("other").vector(1, 0.1f, 0, 0));
        Set<String> many = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            many.add(String.format(java.util.Locale.ROOT, "g-%04d", i));
        }

        for (SearchMode mode : SearchMode.values()) {
            assertThat(documentIds(search("salary", mode, 10, scopeForGroups(many))))
                    .as(mode.name())
                    .containsExactly("mine");
        }
    }

    @Test
    void vector_search_filters_before_ranking() {
        // the nearest neighbours are all out of scope: filtering after ranking would return nothing
        for (int i = 0; i < 20; i++) {
            put(chunk("near-" + i).source("wiki").text("near").vector(1, 0, 0, 0));
        }
        put(
                chunk("far-1").text("far").vector(0, 1, 0, 0),
                chunk("far-2").text("far").vector(0, 0, 1, 0));

        List<SearchHit> hits = search(null, SearchMode.VECTOR, 2, Scope.sources("handbook"));

        assertThat(documentIds(hits)).containsExactlyInAnyOrder("far-1", "far-2");
    }

    @Test
    void text_search_ranks_by_keyword_relevance() {
        put(
                chunk("leave").title("Parental leave policy").text("Parental leave lasts sixteen weeks."),
                chunk("plants").title("Office plants").text("Some staff leave plants on their desks."),
                chunk("expenses").title("Expense claims").text("Submit receipts within thirty days."));

        assertThat(documentIds(text("parental leave", 10))).containsExactly("leave", "plants");
    }

    @Test
    void vector_search_ranks_by_similarity() {
        put(
                chunk("orthogonal").vector(0, 1, 0, 0),
                chunk("close").vector(0.8f, 0.6f, 0, 0),
                chunk("same").vector(1, 0, 0, 0),
                chunk("opposite").vector(-1, 0, 0, 0));

        assertThat(documentIds(vector(QUERY_VECTOR, 3))).containsExactly("same", "close", "orthogonal");
    }

    @Test
    void hybrid_ranks_chunk_matching_both_first() {
        put(
                chunk("both")
                        .title("VPN setup guide")
                        .text("Set up the VPN client: install the VPN app, then sign in.")
                        .vector(0.9f, 0.436f, 0, 0),
                chunk("keywords-only")
                        .title("Network FAQ")
                        .text("The VPN is slow at noon.")
                        .vector(0, 0, 1, 0),
                chunk("vector-only")
                        .title("Remote access")
                        .text("Connect to the office network from home.")
                        .vector(1, 0, 0, 0),
                chunk("neither")
                        .title("Cafeteria menu")
                        .text("Soup on Fridays.")
                        .vector(-0.5f, 0, 0, 0.866f));

        List<String> ranked = documentIds(hybrid("vpn setup", QUERY_VECTOR, 3));

        assertThat(ranked).hasSize(3).startsWith("both").contains("keywords-only", "vector-only");
    }

    @Test
    void top_k_bounds_the_hits_of_every_mode() {
        for (int i = 0; i < 12; i++) {
            put(chunk("doc-" + i).text("onboarding checklist item " + i).vector(1, i, 0, 0));
        }
        for (SearchMode mode : SearchMode.values()) {
            assertThat(search("onboarding checklist", mode, 5, Scope.ALL))
                    .as(mode.name())
                    .hasSize(5);
            assertThat(search("onboarding checklist", mode, 1, Scope.ALL))
                    .as(mode.name())
                    .hasSize(1);
        }
    }

    @Test
    void query_syntax_characters_are_plain_text() {
        put(chunk("refunds")
                .title("Refund policy")
                .text("Refunds for C++ and C# courses (2024 edition).")
                .vector(1, 0, 0, 0));
        List<String> queries = List.of(
                "refund AND (policy",
                "\"refund policy",
                "refund: policy!",
                "C++ refund~2 ^3",
                "*refund? [policy TO",
                "refund \\ policy /regex/ {x}",
                "refund && || ! - + policy");

        for (String query : queries) {
            for (SearchMode mode : List.of(SearchMode.TEXT, SearchMode.HYBRID)) {
                assertThat(documentIds(search(query, mode, 5, Scope.ALL)))
                        .as(mode + " " + query)
                        .containsExactly("refunds");
            }
        }
        assertThatCode(() -> text("{}[]()^\"~*?:\\/&&||!+-", 5)).doesNotThrowAnyException();
    }

    @Test
    void query_of_punctuation_only_finds_nothing_by_keywords() {
        put(chunk("doc").text("anything").vector(1, 0, 0, 0));

        assertThat(text("?? !! -- ...", 5)).isEmpty();
        assertThat(documentIds(hybrid("?? !!", QUERY_VECTOR, 5))).containsExactly("doc");
    }

    @Test
    void index_keeps_its_chunks_when_reopened() {
        index.replaceDocument("doc-1", chunks("doc-1", 3, "alpha"));
        index.replaceDocument("doc-2", chunks("doc-2", 1, "bravo"));
        index.commit();
        index.close();
        index = null;

        index = reopenIndex();

        assertThat(index.chunkCount()).isEqualTo(4);
        assertThat(index.listDocuments("handbook"))
                .extracting(IndexedDocument::documentId)
                .containsExactlyInAnyOrder("doc-1", "doc-2");
        assertThat(documentIds(text("bravo", 5))).containsExactly("doc-2");
        assertThat(vector(QUERY_VECTOR, 10)).hasSize(4);
    }

    /**
     * Whether {@link SearchIndex#replaceDocument} is atomic for concurrent readers (all old chunks or all new ones).
     * A backend without transactions returns false and is held to a weaker promise: while a replacement is in
     * flight a reader may see old and new chunks mixed, but never fewer chunks than the document has (it never
     * vanishes).
     */
    protected boolean replacesAtomically() {
        return true;
    }

    @Test
    void concurrent_searches_see_all_or_nothing_of_a_replaced_document() throws InterruptedException {
        index.replaceDocument("atomic", version(0));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger observations = new AtomicInteger();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            // keeps reading while the writer writes, and at least 20 times, so it cannot pass without looking
            SearchMode[] modes = SearchMode.values();
            while (violations.isEmpty() && (writing.get() || observations.get() < 20)) {
                SearchMode mode = modes[observations.getAndIncrement() % modes.length];
                try {
                    List<SearchHit> hits = search("atomicity", mode, 20, Scope.ALL);
                    Set<String> versions =
                            hits.stream().map(h -> h.chunk().contentHash()).collect(Collectors.toSet());
                    if (hits.size() != 5 || (replacesAtomically() && versions.size() != 1)) {
                        violations.add(mode + " saw " + hits.size() + " chunks of versions " + versions);
                    }
                } catch (RuntimeException e) {
                    violations.add(mode + " failed: " + e);
                }
            }
        });
        reader.start();
        try {
            for (int v = 1; v <= 200 && violations.isEmpty(); v++) {
                index.replaceDocument("atomic", version(v));
            }
        } finally {
            writing.set(false);
            reader.join();
        }

        assertThat(violations).isEmpty();
        assertThat(observations.get()).isGreaterThanOrEqualTo(20);
    }

    // ---- helpers

    private static List<Chunk> version(int v) {
        return IntStream.range(0, 5)
                .mapToObj(i -> chunk("atomic")
                        .ordinal(i)
                        .title("Atomicity " + i)
                        .text("atomicity check, version " + v)
                        .hash("v" + v)
                        .vector(1, i, v % 7, 0)
                        .build())
                .toList();
    }
}
