package io.docent.core.lucene;

import static io.docent.core.TestChunk.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException.IndexUnavailable;
import io.docent.core.Scope;
import io.docent.core.SearchHit;
import io.docent.core.SearchMode;
import io.docent.core.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BM25 side at Anserini's settings: one analysed contents field, bag-of-words queries, k1 0.9 and b 0.4. */
class KeywordFieldTest {

    @TempDir
    Path dir;

    @Test
    void contents_field_holds_the_stemmed_terms_of_title_breadcrumb_and_text_and_nothing_else() throws IOException {
        try (var index = LuceneSearchIndex.open(dir, "test-model", 4)) {
            index.replaceDocument(
                    "d",
                    List.of(chunk("d")
                            .title("Running Shoes")
                            .breadcrumb("Sports > Equipment")
                            .text("The runners' policies were updated.")
                            .vector(1, 0, 0, 0)
                            .build()));
        }

        try (var directory = FSDirectory.open(dir);
                var reader = DirectoryReader.open(directory)) {
            assertThat(terms(reader, ChunkDocuments.CONTENTS))
                    .containsExactlyInAnyOrder("run", "shoe", "sport", "equip", "runner", "polici", "were", "updat");
            // the title is also searched on its own, for a small bonus; the text only inside contents
            assertThat(terms(reader, ChunkDocuments.TITLE)).containsExactlyInAnyOrder("run", "shoe");
            assertThat(MultiTerms.getTerms(reader, ChunkDocuments.TEXT)).isNull();
        }
    }

    @Test
    void a_word_found_only_in_the_title_or_only_in_the_breadcrumb_is_found() {
        try (var index = LuceneSearchIndex.open(dir, "test-model", 4)) {
            index.replaceDocument(
                    "title",
                    List.of(chunk("title")
                            .title("Expense policy")
                            .text("Claims within 30 days.")
                            .build()));
            index.replaceDocument(
                    "crumb",
                    List.of(chunk("crumb")
                            .title("Page")
                            .breadcrumb("Finance > Expenses")
                            .text("Claims within 30 days.")
                            .build()));

            List<SearchHit> hits = index.search(new SearchRequest("expenses", null, SearchMode.TEXT, 5, Scope.ALL));

            assertThat(hits).extracting(h -> h.chunk().documentId()).containsExactlyInAnyOrder("title", "crumb");
            assertThat(hits.getFirst().chunk().title()).isNotBlank(); // still stored
        }
    }

    @Test
    void a_term_repeated_in_the_question_counts_as_often_as_it_occurs() {
        var query = (BooleanQuery) new KeywordQuery(new EnglishAnalyzer()).build("VPN setup: the vpn, the VPN!");

        // per distinct term: the contents clause (boosted by the count), then the title bonus
        assertThat(query.clauses()).hasSize(4).allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD);
        var vpn = (BoostQuery) query.clauses().get(0).query();
        assertThat(vpn.getBoost()).isEqualTo(3f);
        assertThat(((TermQuery) vpn.getQuery()).getTerm().field()).isEqualTo(ChunkDocuments.CONTENTS);
        assertThat(((TermQuery) vpn.getQuery()).getTerm().text()).isEqualTo("vpn");
        var vpnTitle = (BoostQuery) query.clauses().get(1).query();
        assertThat(vpnTitle.getBoost()).isEqualTo(KeywordQuery.TITLE_BONUS);
        assertThat(((TermQuery) vpnTitle.getQuery()).getTerm().field()).isEqualTo(ChunkDocuments.TITLE);
        assertThat(((TermQuery) query.clauses().get(2).query()).getTerm().text())
                .isEqualTo("setup");
    }

    @Test
    void the_page_a_question_names_in_its_title_outranks_an_overview_that_repeats_the_question() {
        try (var index = LuceneSearchIndex.open(dir, "test-model", 4)) {
            index.replaceDocument(
                    "overview",
                    List.of(chunk("overview")
                            .title("IT")
                            .text("This section covers your laptop, single sign-on, the VPN, email and Wi-Fi. How do"
                                    + " I get on the VPN? Request it in the IT portal.")
                            .build()));
            for (String topic : List.of("leave", "expenses", "travel")) {
                index.replaceDocument(
                        topic,
                        List.of(chunk(topic)
                                .title(topic)
                                .text("How do I get my " + topic + " approved? Ask your manager.")
                                .build()));
            }
            index.replaceDocument(
                    "vpn",
                    List.of(chunk("vpn")
                            .title("VPN Access")
                            .text("We use GlobalProtect. You need it to reach internal systems such as staging and the"
                                    + " reporting database. Open a request in the IT portal under Service Desk; your"
                                    + " manager approves it within a day, then install the client and sign in.")
                            .build()));

            List<SearchHit> hits =
                    index.search(new SearchRequest("How do I get VPN access?", null, SearchMode.TEXT, 2, Scope.ALL));

            assertThat(hits).extracting(h -> h.chunk().documentId()).containsExactly("vpn", "overview");
        }
    }

    @Test
    void a_long_query_is_capped_in_distinct_terms_and_in_tokens_read() {
        var keywords = new KeywordQuery(new EnglishAnalyzer());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            many.append("w").append(i).append(' ');
        }

        assertThat(keywords.terms(many.toString())).hasSize(KeywordQuery.MAX_TERMS);
        assertThat(keywords.terms("alpha ".repeat(10_000))).containsEntry("alpha", KeywordQuery.MAX_TOKENS);
        assertThat(keywords.build("the and of")).isNull();
    }

    @Test
    void searches_score_with_anserinis_bm25_parameters() {
        BM25Similarity similarity = KeywordQuery.similarity();

        assertThat(similarity.getK1()).isEqualTo(0.9f);
        assertThat(similarity.getB()).isEqualTo(0.4f);
    }

    @Test
    void an_index_with_the_old_title_and_text_layout_is_refused_with_the_rebuild_command() throws IOException {
        try (var directory = FSDirectory.open(dir);
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(
                    new LuceneIndexIdentity("1", "test-model", 4).toCommitData().entrySet());
            writer.commit();
        }

        assertThatThrownBy(() -> LuceneSearchIndex.open(dir, "test-model", 4))
                .isInstanceOf(IndexUnavailable.class)
                .hasMessageContaining("layout version 1")
                .hasMessageContaining("version " + LuceneIndexIdentity.SCHEMA)
                .hasMessageContaining("docent index --rebuild");
    }

    private static List<String> terms(DirectoryReader reader, String field) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        List<String> out = new ArrayList<>();
        TermsEnum it = terms.iterator();
        while (it.next() != null) {
            out.add(it.term().utf8ToString());
        }
        return out;
    }
}
