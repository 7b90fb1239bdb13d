package io.docent.indexer.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LenientDatesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Created by Ana, last modified by Raj on Mar 04, 2026 | 2026-03-04",
                "Created by Ana, last modified on March 4, 2026       | 2026-03-04",
                "Created by Ana on Sept 30, 2025                      | 2025-09-30",
                "last modified on 4 Mar 2026                          | 2026-03-04",
                "Created by lijialong, last modified on 一月 11, 2018  | 2018-01-11",
                "Created by lijialong, last modified on 十二月 3, 2017 | 2017-12-03",
                "由 lijialong 创建, 最后修改于 2018年1月11日            | 2018-01-11",
                "modified 2024-02-29                                  | 2024-02-29",
            })
    void finds_the_date_in_a_metadata_line(String line, String date) {
        assertThat(LenientDates.lastDateIn(line)).isEqualTo(Instant.parse(date + "T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Created by Ana",
                "zuletzt geändert am 04. März 2026",
                "last modified on Feb 30, 2026",
                "last modified on 2026-13-01"
            })
    void says_nothing_rather_than_guess(String line) {
        assertThat(LenientDates.lastDateIn(line)).isNull();
    }
}
