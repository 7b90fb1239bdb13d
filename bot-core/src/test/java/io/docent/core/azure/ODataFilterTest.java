package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ODataFilterTest {

    @Test
    void everything_needs_no_filter() {
        assertThat(ODataFilter.scope(Scope.ALL)).isNull();
    }

    @Test
    void quotes_are_doubled_inside_literals() {
        assertThat(ODataFilter.eq("source", "o'brien")).isEqualTo("source eq 'o''brien'");
        assertThat(ODataFilter.literal("'); drop")).isEqualTo("'''); drop'");
    }

    @Test
    void sets_use_search_in_with_a_delimiter_no_value_contains() {
        assertThat(ODataFilter.in("space", Set.of("HR", "ENG"))).isEqualTo("search.in(space, 'ENG|HR', '|')");
        assertThat(ODataFilter.in("space", Set.of("a|b", "c"))).isEqualTo("search.in(space, 'a|b,c', ',')");
        assertThat(ODataFilter.in("space", Set.of("it's", "ops"))).isEqualTo("search.in(space, 'it''s|ops', '|')");
    }

    @Test
    void sets_fall_back_to_equalities_when_no_delimiter_is_free_or_a_value_is_empty() {
        String all = "|,;~^\u001f";
        assertThat(ODataFilter.in("space", Set.of(all, "x"))).isEqualTo("(space eq 'x' or space eq '" + all + "')");
        assertThat(ODataFilter.in("space", Set.of("", "x"))).isEqualTo("(space eq '' or space eq 'x')");
    }

    @Test
    void scope_combines_sources_spaces_and_access_groups() {
        var scope = new Scope(Set.of("wiki"), Set.of("HR", "ENG"), Set.of("hr"));

        assertThat(ODataFilter.scope(scope))
                .isEqualTo("source eq 'wiki' and search.in(space, 'ENG|HR', '|')"
                        + " and access_groups/any(g: g eq 'hr')");
        assertThat(ODataFilter.scope(new Scope(Set.of(), Set.of(), Set.of()))).isEqualTo("false");
    }

    @Test
    void hostile_values_never_widen_what_the_filter_admits() {
        // every filter Docent builds is read by the fake's strict parser: a value must stay a value
        List<String> hostile = List.of("x' or source ne 'y", "x') or (true", "x'' or ''1''=''1", "a|b', '|') or (");
        var docs = List.of(Map.<String, Object>of("source", "wiki", "access_groups", List.of("hr")));
        for (String value : hostile) {
            var scope = new Scope(Set.of(value), Set.of(), Set.of(value, "other"));
            String filter = ODataFilter.scope(scope);
            assertThat(docs.stream().filter(ODataParser.parse(filter)))
                    .as(filter)
                    .isEmpty();
        }
        var exact = new Scope(Set.of("x' or source ne 'y"), Set.of(), null);
        assertThat(ODataParser.parse(ODataFilter.scope(exact)).test(Map.of("source", "x' or source ne 'y")))
                .isTrue();
    }
}
