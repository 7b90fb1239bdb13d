package io.docent.indexer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule that tells a word split at a line end from a compound broken at its own hyphen. */
class HyphenationTest {

    private final Hyphenation hyphenation = new Hyphenation();

    @Test
    void a_split_word_is_joined() {
        assertThat(hyphenation.join("All employ-", "ees are covered.")).isEqualTo("All employees are covered.");
    }

    @Test
    void known_compound_prefixes_keep_their_hyphen() {
        assertThat(hyphenation.join("Use the self-", "service portal.")).isEqualTo("Use the self-service portal.");
        assertThat(hyphenation.join("Book a follow-", "up call.")).isEqualTo("Book a follow-up call.");
        assertThat(hyphenation.join("The out-of-", "pocket maximum.")).isEqualTo("The out-of-pocket maximum.");
        assertThat(hyphenation.join("Your co-", "pay is $25.")).isEqualTo("Your co-pay is $25.");
    }

    @Test
    void the_document_decides_when_it_uses_the_word_elsewhere() {
        hyphenation.learn("Claims are handled by the claims-office on weekdays.");
        hyphenation.learn("Participants in the plan must enrol.");

        assertThat(hyphenation.join("Ask the claims-", "office.")).isEqualTo("Ask the claims-office.");
        assertThat(hyphenation.join("All part-", "icipants.")).isEqualTo("All participants.");
    }

    @Test
    void a_hyphen_before_a_capital_or_a_number_stays() {
        assertThat(hyphenation.join("Pre-", "Tax savings")).isEqualTo("Pre-Tax savings");
        assertThat(hyphenation.join("In 2025-", "2026 the plan")).isEqualTo("In 2025-2026 the plan");
        assertThat(hyphenation.join("Both pre-", "and post-tax")).isEqualTo("Both pre- and post-tax");
        assertThat(hyphenation.join("First line", "second line")).isEqualTo("First line second line");
    }
}
