package io.docent.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryCoverageTest {

    private final QueryCoverage coverage = new QueryCoverage();

    private static Map<String, Double> ones(Set<String> terms) {
        Map<String, Double> weights = new LinkedHashMap<>();
        terms.forEach(t -> weights.put(t, 1.0));
        return weights;
    }

    @Test
    void words_that_name_the_kind_of_answer_and_plain_numbers_weigh_nothing() {
        var terms = coverage.terms("What is the maximum number of days I can carry over above 30,000?");

        Map<String, Double> subject = coverage.subjectWeights(ones(terms));

        assertThat(subject)
                .containsEntry("maximum", 0.0)
                .containsEntry("number", 0.0)
                .containsEntry("dai", 0.0);
        assertThat(subject).containsEntry("30,000", 0.0).containsEntry("carri", 1.0);
    }

    @Test
    void a_question_of_nothing_but_such_words_keeps_its_weights() {
        var weights = ones(coverage.terms("What is the deadline?"));

        assertThat(coverage.subjectWeights(weights)).isEqualTo(weights).isNotEmpty();
    }

    @Test
    void a_word_the_passage_holds_only_a_synonym_of_counts_half() {
        Synonyms synonyms = word -> word.equals("exams") ? Set.of("examination") : Set.of();
        String question = "Are eye exams covered?";
        var weights = ones(coverage.terms(question)); // ey, exam, cover
        var passage = coverage.terms("Eye examinations are covered once a year.");

        double withSynonyms = QueryCoverage.share(weights, coverage.synonyms(question, synonyms), passage);
        double without = QueryCoverage.share(weights, passage);

        assertThat(without).isCloseTo(2.0 / 3, within(1e-9)); // "examin" is not "exam"
        assertThat(withSynonyms).isCloseTo(2.5 / 3, within(1e-9));
    }

    @Test
    void synonyms_are_stemmed_and_never_the_term_itself() {
        Synonyms synonyms = word -> Set.of("Examinations", "exam", "the");

        Map<String, Set<String>> stems = coverage.synonyms("exam results?", synonyms);

        assertThat(stems.get("exam")).containsExactly("examin");
        assertThat(stems).containsKey("result");
    }

    @Test
    void a_match_names_the_words_held_only_as_a_synonym_and_those_missing() {
        Synonyms synonyms = word -> word.equals("exams") ? Set.of("examination") : Set.of();
        String question = "How many eye exams and acupuncture sessions are covered?";
        var weights = coverage.subjectWeights(ones(coverage.terms(question)));
        var passage = coverage.terms("Eye examinations are covered once a year.");

        var match = QueryCoverage.match(weights, coverage.synonyms(question, synonyms), passage);

        assertThat(match.bySynonym()).containsExactly("exam");
        assertThat(match.missing()).containsExactly("acupunctur", "session"); // "many" is a question word
        assertThat(match.share()).isCloseTo(2.5 / 5, within(1e-9));
    }
}
