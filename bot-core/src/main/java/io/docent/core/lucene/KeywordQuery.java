package io.docent.core.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The BM25 query for a question: its analysed terms, each sought in the title (boosted) and the text.
 *
 * <p>The query is built programmatically, never parsed, so Lucene syntax in a question ({@code C++}, {@code AND},
 * an unbalanced quote) is just text. The number of distinct terms is capped: a pasted 100,000-character log would
 * otherwise exceed {@link org.apache.lucene.search.IndexSearcher#getMaxClauseCount()} and be slow for no gain in
 * relevance; the first terms are kept because a question says what it is about early.
 */
final class KeywordQuery {

    /** Distinct terms kept from one query; two clauses each, well under the default 1,024-clause limit. */
    static final int MAX_TERMS = 128;
    /** A title match is worth more than a text match, modestly: titles are short and already favoured by BM25. */
    static final float TITLE_BOOST = 1.5f;

    private final Analyzer analyzer;

    KeywordQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The query, or {@code null} when the text has no searchable term (only stop words or punctuation). */
    Query build(String text) {
        Set<String> terms = terms(text);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            query.add(new BoostQuery(new TermQuery(new Term(ChunkDocuments.TITLE, term)), TITLE_BOOST), Occur.SHOULD);
            query.add(new TermQuery(new Term(ChunkDocuments.TEXT, term)), Occur.SHOULD);
        }
        return query.build();
    }

    /** The distinct analysed terms of {@code text}, in order of first appearance, at most {@link #MAX_TERMS}. */
    Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(ChunkDocuments.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (terms.size() < MAX_TERMS && tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query held in memory", e);
        }
        return terms;
    }
}
