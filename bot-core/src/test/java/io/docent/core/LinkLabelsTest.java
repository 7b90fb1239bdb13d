package io.docent.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkLabelsTest {

    @Test
    void a_label_that_names_another_address_is_misleading() {
        assertThat(LinkLabels.misleading("https://intranet.example.com/payroll", "https://evil.example.net/x"))
                .isTrue();
        assertThat(LinkLabels.misleading("intranet.example.com/payroll", "https://evil.example.net/x"))
                .isTrue();
    }

    @Test
    void the_links_own_address_in_another_spelling_and_plain_words_are_not() {
        assertThat(LinkLabels.misleading("intranet.example.com/payroll/", "https://INTRANET.example.com/payroll"))
                .isFalse();
        assertThat(LinkLabels.misleading("the payroll page", "https://evil.example.net/x"))
                .isFalse();
    }
}
