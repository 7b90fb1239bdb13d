package io.docent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserTextsTest {

    @Test
    void a_not_found_names_the_words_nothing_found_mentions() {
        assertThat(UserTexts.notMentioned(List.of("dog"))).isEqualTo("Nothing I found mentions “dog”.");
        assertThat(UserTexts.notMentioned(List.of("acupuncture", "Contoso")))
                .isEqualTo("Nothing I found mentions “acupuncture” or “Contoso”.");
        assertThatThrownBy(() -> UserTexts.notMentioned(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
