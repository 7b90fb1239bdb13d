package io.docent.core.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerTypeTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "How many counselling sessions do I get?|QUANTITY",
                "How much is the learning budget?|QUANTITY",
                "How long is parental leave?|QUANTITY",
                "How often is the VPN client updated?|QUANTITY",
                "What is the hotel limit in London?|QUANTITY",
                "When are payslips available?|TIME",
                "What is the deadline for expense claims?|TIME",
                "Who do I call when production is down?|PERSON",
                "Whom should I contact about my pension?|PERSON",
                "Which team owns the VPN?|PERSON",
                "Where do we store secrets?|PLACE",
                "Can I work remotely from abroad?|YES_NO",
                "Do contractors get a laptop?|YES_NO",
                "How do I get VPN access?|OTHER",
            })
    void reads_the_kind_of_fact_asked_for_from_the_question(String question, AnswerType expected) {
        assertThat(AnswerType.of(question)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "QUANTITY|Employees can have six free sessions a year.|true",
                "QUANTITY|The hotel limit is £220 a night.|true",
                "QUANTITY|Counselling covers stress, grief and money worries.|false",
                "QUANTITY|1. File a request in the portal.|false",
                "TIME|Payslips are published on the 25th of each month.|true",
                "TIME|Payday is the last Friday of the month.|true",
                "TIME|The office opens at 9 a.m.|true",
                "TIME|Payslips are in the payroll portal.|false",
                "PERSON|Email security@northwind.example or post in #security-incidents.|true",
                "PERSON|Phishing emails often look urgent.|false",
                "PLACE|Secrets live in Vault at https://vault.example.|true",
                "YES_NO|You may work abroad for up to 30 days only if your manager agrees.|true",
                "YES_NO|Remote work is popular.|false",
            })
    void tells_whether_a_unit_states_a_fact_of_the_type(AnswerType type, String text, boolean expected) {
        assertThat(type.carriedBy(text)).isEqualTo(expected);
    }
}
