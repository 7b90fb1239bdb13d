package io.docent.core.lucene;

import io.docent.core.Scope;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link Scope} into a Lucene filter that both the keyword and the vector query apply while they search
 * (a pre-filter): filtering afterwards would return fewer than {@code topK} hits whenever the nearest neighbours
 * lie outside the scope.
 */
final class ScopeFilter {

    private ScopeFilter() {}

    /** The filter for {@code scope}, or {@code null} when it restricts nothing (an unfiltered search is cheaper). */
    static Query of(Scope scope) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        boolean restricted = false;
        if (!scope.sources().isEmpty()) {
            filter.add(anyOf(ChunkDocuments.SOURCE, scope.sources()), Occur.FILTER);
            restricted = true;
        }
        if (!scope.spaces().isEmpty()) {
            filter.add(anyOf(ChunkDocuments.SPACE, scope.spaces()), Occur.FILTER);
            restricted = true;
        }
        if (scope.accessGroups() != null) {
            filter.add(readableBy(scope.accessGroups()), Occur.FILTER);
            restricted = true;
        }
        return restricted ? new ConstantScoreQuery(filter.build()) : null;
    }

    /** {@code query} restricted to {@code scope}, scored by {@code query} alone. */
    static Query restrict(Query query, Scope scope) {
        Query filter = of(scope);
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
    }

    /**
     * Chunks sharing a group with the reader. Chunks without groups match no term, so only an unchecked
     * (administrator) search finds them; public chunks carry {@link io.docent.core.AccessGroups#PUBLIC}.
     */
    private static Query readableBy(Set<String> groups) {
        if (groups.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        return anyOf(ChunkDocuments.ACCESS_GROUP, groups);
    }

    private static Query anyOf(String field, Set<String> values) {
        if (values.size() == 1) {
            return new TermQuery(new Term(field, values.iterator().next()));
        }
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}
