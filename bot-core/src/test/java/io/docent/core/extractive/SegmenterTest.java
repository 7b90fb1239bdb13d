package io.docent.core.extractive;

import static io.docent.core.extractive.ExtractiveGeneratorTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private static List<Unit> units(String text) {
        return Segmenter.units(0, source(1, "Title", text));
    }

    @Test
    void splits_prose_into_sentences_but_not_after_abbreviations_initials_or_numbers() {
        assertThat(Segmenter.sentences("Use a manager, e.g. Jane Doe, as approver. J. Smith signs v2.1 forms. Done!"
                        + " \"Quoted.\" Next"))
                .containsExactly(
                        "Use a manager, e.g. Jane Doe, as approver.",
                        "J. Smith signs v2.1 forms.",
                        "Done!",
                        "\"Quoted.\"",
                        "Next");
    }

    @Test
    void keeps_a_list_item_whole_with_its_indented_continuation_and_nested_items() {
        List<Unit> units = units("""
                - Install the client. Then restart.
                  It takes a minute.
                  - Nested step one.
                1. Numbered step.
                """);

        assertThat(units)
                .extracting(Unit::kind, Unit::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Unit.Kind.ITEM, "- Install the client. Then restart. It takes a minute."),
                        org.assertj.core.groups.Tuple.tuple(Unit.Kind.ITEM, "- Nested step one."),
                        org.assertj.core.groups.Tuple.tuple(Unit.Kind.ITEM, "1. Numbered step."));
    }

    @Test
    void turns_a_table_header_into_the_header_of_each_row_and_a_heading_into_a_label() {
        List<Unit> units = units("""
                # Limits

                | City | Hotel |
                | --- | --- |
                | London | £220 |
                """);

        assertThat(units).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(Unit.Kind.ROW);
            assertThat(u.text()).isEqualTo("| London | £220 |");
            assertThat(u.header()).isEqualTo("| City | Hotel |");
            assertThat(u.label()).isEqualTo("Limits");
        });
    }

    @Test
    void keeps_a_fenced_code_block_whole() {
        List<Unit> units = units("""
                Promote with nwctl:

                ```sh
                nwctl deploy relay-api --env production
                nwctl status relay-api
                ```
                Then watch the dashboard.
                """);

        assertThat(units)
                .extracting(Unit::kind)
                .containsExactly(Unit.Kind.SENTENCE, Unit.Kind.BLOCK, Unit.Kind.SENTENCE);
        assertThat(units.get(1).text())
                .isEqualTo("```sh\nnwctl deploy relay-api --env production\nnwctl status relay-api\n```");
    }

    @Test
    void keeps_sentences_whole_across_line_breaks_abbreviations_decimals_money_and_times() {
        List<Unit> units = units("""
                The calendar year deductible for in-network services is $1,500 for
                an individual and $3,000.00 for a family. Claims, e.g. Specsavers glasses, i.e. lenses
                and frames, are paid in approx. 10 days. Form No. 5 applies from 9 a.m. to 5 p.m. on
                weekdays. Rates rise by 1.5 percent a year. The answer is no. Ask HR.
                """);

        assertThat(units)
                .extracting(Unit::text)
                .containsExactly(
                        "The calendar year deductible for in-network services is $1,500 for an individual and"
                                + " $3,000.00 for a family.",
                        "Claims, e.g. Specsavers glasses, i.e. lenses and frames, are paid in approx. 10 days.",
                        "Form No. 5 applies from 9 a.m. to 5 p.m. on weekdays.",
                        "Rates rise by 1.5 percent a year.",
                        "The answer is no.",
                        "Ask HR.");
    }

    @Test
    void continues_a_list_item_wrapped_onto_a_line_that_is_not_indented() {
        List<Unit> units = units("""
                - Employees can have six free counselling
                sessions a year.
                - The helpline is open all day.
                Counselling is confidential.
                """);

        assertThat(units)
                .extracting(Unit::kind, Unit::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Unit.Kind.ITEM, "- Employees can have six free counselling sessions a year."),
                        org.assertj.core.groups.Tuple.tuple(Unit.Kind.ITEM, "- The helpline is open all day."),
                        org.assertj.core.groups.Tuple.tuple(Unit.Kind.SENTENCE, "Counselling is confidential."));
    }
}
