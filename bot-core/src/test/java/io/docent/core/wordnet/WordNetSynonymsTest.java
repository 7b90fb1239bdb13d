package io.docent.core.wordnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WordNetSynonymsTest {

    private final WordNetSynonyms wordNet = WordNetSynonyms.shared();

    @Test
    void a_word_has_its_synonyms_in_every_sense() {
        assertThat(wordNet.of("exam")).contains("examination", "test");
        assertThat(wordNet.of("kids")).contains("child"); // base form found first: "kids" is "kid"
        assertThat(wordNet.of("Bike")).contains("bicycle");
    }

    @Test
    void a_word_has_the_words_derived_from_it() {
        assertThat(wordNet.of("married")).contains("marry", "marriage");
        assertThat(wordNet.of("reimburse")).contains("reimbursement");
    }

    @Test
    void a_subject_no_page_would_name_otherwise_keeps_to_itself() {
        assertThat(wordNet.of("acupuncture")).doesNotContain("chiropractic", "treatment", "therapy", "acupuncture");
        assertThat(wordNet.of("dog")).doesNotContain("pet", "cat", "animal");
    }

    @Test
    void multi_word_expressions_the_word_itself_and_unknown_words_are_left_out() {
        assertThat(wordNet.of("exam")).doesNotContain("exam").allMatch(w -> !w.contains(" ") && !w.contains("_"));
        assertThat(wordNet.of("qwzxv")).isEmpty();
        assertThat(wordNet.of(" ")).isEmpty();
        assertThat(wordNet.of("x".repeat(500))).isEmpty();
    }

    @Test
    void lookups_from_many_threads_agree() {
        List<String> words = List.of("exam", "holiday", "laptop", "salary", "pension", "travel", "leave", "desk");
        var seen = new ConcurrentHashMap<String, Set<String>>();
        IntStream.range(0, 400).parallel().forEach(i -> {
            String word = words.get(i % words.size());
            Set<String> synonyms = wordNet.of(word);
            Set<String> first = seen.putIfAbsent(word, synonyms);
            assertThat(first == null ? synonyms : first).isEqualTo(synonyms);
        });
        assertThat(seen.get("holiday")).contains("vacation");
    }

    @Test
    void the_synonyms_read_in_the_background_are_the_shared_ones() {
        var background = WordNetSynonyms.readingInBackground();

        assertThat(background.of("exam"))
                .isEqualTo(WordNetSynonyms.shared().of("exam"))
                .contains("examination");
    }
}
