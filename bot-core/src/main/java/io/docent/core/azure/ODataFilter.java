package io.docent.core.azure;

import io.docent.core.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The OData {@code $filter} expressions Docent sends, built so that no value can change their meaning.
 *
 * <p>Every value is an OData string literal: single-quoted, with each {@code '} inside doubled, which is the only
 * escape OData strings have; {@code o'brien' or source ne '} therefore stays one value. Sets use {@code search.in},
 * whose value list is itself one string literal split on a delimiter: Docent picks a delimiter that occurs in none of
 * the values, so no value is split or merged with its neighbour; should every candidate occur (absurd values), or a
 * value be empty (which {@code search.in} cannot express), the set is written as {@code eq} comparisons joined by
 * {@code or}.
 */
final class ODataFilter {

    /** Delimiter candidates, most readable first; all are single characters. */
    private static final String DELIMITERS = "|,;~^\u001f";

    private ODataFilter() {}

    /** The filter for a scope, or {@code null} when the scope admits everything. */
    static String scope(Scope scope) {
        List<String> clauses = new ArrayList<>();
        if (!scope.sources().isEmpty()) {
            clauses.add(in(ChunkFields.SOURCE, scope.sources()));
        }
        if (!scope.spaces().isEmpty()) {
            clauses.add(in(ChunkFields.SPACE, scope.spaces()));
        }
        if (scope.accessGroups() != null) {
            clauses.add(readableBy(scope.accessGroups()));
        }
        return and(clauses);
    }

    /**
     * Chunks sharing a group with the reader; chunks without groups (administrators only) match nothing here. One
     * {@code search.in} however many groups a person has (Graph returns 1,000 and more for some): Azure AI Search
     * evaluates it as a set lookup, where {@code eq ... or} would hit the filter's clause limit.
     */
    static String readableBy(Collection<String> groups) {
        if (groups.isEmpty()) {
            return "false";
        }
        return ChunkFields.ACCESS_GROUPS + "/any(g: " + in("g", groups) + ")";
    }

    static String eq(String field, String value) {
        return field + " eq " + literal(value);
    }

    static String gt(String field, String value) {
        return field + " gt " + literal(value);
    }

    /** {@code field} equals one of {@code values} (which must not be empty). */
    static String in(String field, Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an empty set matches nothing; leave the clause out instead");
        }
        TreeSet<String> sorted = new TreeSet<>(values); // a stable text for equal sets
        if (sorted.size() == 1) {
            return eq(field, sorted.first());
        }
        Character delimiter = sorted.contains("") ? null : delimiterFor(sorted);
        if (delimiter == null) {
            List<String> alternatives = sorted.stream().map(v -> eq(field, v)).toList();
            return "(" + String.join(" or ", alternatives) + ")";
        }
        String list = String.join(String.valueOf(delimiter), sorted);
        return "search.in(" + field + ", " + literal(list) + ", " + literal(String.valueOf(delimiter)) + ")";
    }

    /** An OData string literal: {@code 'value'} with every {@code '} doubled. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The clauses joined by {@code and}; each clause built here is atomic (a comparison, a call, or parenthesised). */
    static String and(List<String> clauses) {
        List<String> present =
                clauses.stream().filter(c -> c != null && !c.isBlank()).toList();
        if (present.isEmpty()) {
            return null;
        }
        if (present.size() == 1) {
            return present.getFirst();
        }
        return String.join(" and ", present);
    }

    private static Character delimiterFor(Collection<String> values) {
        for (char candidate : DELIMITERS.toCharArray()) {
            if (values.stream().noneMatch(v -> v.indexOf(candidate) >= 0)) {
                return candidate;
            }
        }
        return null;
    }
}
