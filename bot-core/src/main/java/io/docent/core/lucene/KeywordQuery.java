package io.docent.core.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * The BM25 query for a question: a bag of its analysed terms over {@link ChunkDocuments#CONTENTS}, as Anserini's
 * {@code BagOfWordsQueryGenerator} builds it: a term that occurs n times in the question is one clause boosted n
 * times, so a repeated word weighs more, as it does in BM25's own query-term frequency.
 *
 * <p>The query is built programmatically, never parsed, so Lucene syntax in a question ({@code C++}, {@code AND},
 * an unbalanced quote) is just text. Both the distinct terms and the tokens read are capped: a pasted
 * 100,000-character log would otherwise exceed {@link org.apache.lucene.search.IndexSearcher#getMaxClauseCount()}
 * and be slow for no gain in relevance; the first terms are kept because a question says what it is about early.
 */
final class KeywordQuery {

    /**
     * Weight of a title match on top of the contents match. A page's title names its subject, and in a handbook a
     * short overview page that mentions everything would otherwise outrank the page a question is about ("How do I
     * get VPN access?": the IT overview above "VPN Access"). Small, so that BM25 stays at Anserini's level: on
     * SciFact train 0.25 scored 0.706 nDCG@10 against 0.697 without it (0.5: 0.695, 1: 0.671).
     */
    static final float TITLE_BONUS = 0.25f;

    /** Distinct terms kept from one query (two clauses each), well under the default 1,024-clause limit. */
    static final int MAX_TERMS = 128;
    /** Tokens read from one query, so that a long text repeating a few words is not read to its end. */
    static final int MAX_TOKENS = 4 * MAX_TERMS;
    /**
     * Anserini's default BM25 parameters, which its BEIR regressions use: a lower k1 saturates term frequency sooner
     * and a lower b punishes long chunks less than Lucene's own defaults (1.2 and 0.75).
     */
    static final float K1 = 0.9f;

    static final float B = 0.4f;

    private final Analyzer analyzer;

    KeywordQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The similarity the index is written and searched with. */
    static BM25Similarity similarity() {
        return new BM25Similarity(K1, B);
    }

    /** The query, or {@code null} when the text has no searchable term (only stop words or punctuation). */
    Query build(String text) {
        Map<String, Integer> terms = terms(text);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        terms.forEach((term, count) -> {
            Query clause = new TermQuery(new Term(ChunkDocuments.CONTENTS, term));
            query.add(count == 1 ? clause : new BoostQuery(clause, count), Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term(ChunkDocuments.TITLE, term)), TITLE_BONUS), Occur.SHOULD);
        });
        return query.build();
    }

    /**
     * The analysed terms of {@code text} with how often each occurs, in order of first appearance: at most
     * {@link #MAX_TERMS} distinct terms from the first {@link #MAX_TOKENS} tokens.
     */
    Map<String, Integer> terms(String text) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(ChunkDocuments.CONTENTS, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            int read = 0;
            while (read++ < MAX_TOKENS && tokens.incrementToken()) {
                String t = term.toString();
                if (terms.containsKey(t) || terms.size() < MAX_TERMS) {
                    terms.merge(t, 1, Integer::sum);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query held in memory", e);
        }
        return terms;
    }
}
