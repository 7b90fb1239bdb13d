package io.docent.indexer.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }

    private static List<Instant> starts(String cron, ZoneId zone, String from, int n) {
        CronExpression expression = CronExpression.parse(cron, zone);
        List<Instant> out = new ArrayList<>();
        Instant t = LocalDateTime.parse(from).atZone(zone).toInstant();
        for (int i = 0; i < n; i++) {
            t = expression.next(t);
            out.add(t);
        }
        return out;
    }

    @Test
    void every_fifteen_minutes_starts_on_the_quarter_hours_strictly_after_the_given_time() {
        assertThat(starts("*/15 * * * *", UTC, "2026-03-10T09:15", 3))
                .containsExactly(utc("2026-03-10T09:30"), utc("2026-03-10T09:45"), utc("2026-03-10T10:00"));
        assertThat(CronExpression.parse("*/15 * * * *", UTC).next(utc("2026-03-10T09:14:59.999")))
                .isEqualTo(utc("2026-03-10T09:15"));
    }

    @Test
    void lists_ranges_steps_and_names_combine() {
        // at :05 and :35, 8 to 18 every other hour, on weekdays
        assertThat(starts("5,35 8-18/2 * * MON-FRI", UTC, "2026-03-13T17:00", 4)) // Friday
                .containsExactly(
                        utc("2026-03-13T18:05"),
                        utc("2026-03-13T18:35"),
                        utc("2026-03-16T08:05"), // Monday
                        utc("2026-03-16T08:35"));
        assertThat(starts("0 0 1 jan,jul *", UTC, "2026-03-10T00:00", 2))
                .containsExactly(utc("2026-07-01T00:00"), utc("2027-01-01T00:00"));
        assertThat(starts("10/20 3 * * *", UTC, "2026-03-10T00:00", 3))
                .containsExactly(utc("2026-03-10T03:10"), utc("2026-03-10T03:30"), utc("2026-03-10T03:50"));
    }

    @Test
    void sunday_is_zero_or_seven() {
        assertThat(starts("0 12 * * 7", UTC, "2026-03-10T00:00", 1)).containsExactly(utc("2026-03-15T12:00"));
        assertThat(starts("0 12 * * 0", UTC, "2026-03-10T00:00", 1)).containsExactly(utc("2026-03-15T12:00"));
    }

    @Test
    void when_both_day_fields_are_restricted_either_one_matches() {
        // the 1st of the month, and every Monday
        assertThat(starts("0 9 1 * MON", UTC, "2026-03-28T00:00", 3))
                .containsExactly(utc("2026-03-30T09:00"), utc("2026-04-01T09:00"), utc("2026-04-06T09:00"));
    }

    @Test
    void the_29th_of_february_comes_every_four_years() {
        assertThat(starts("0 0 29 2 *", UTC, "2026-03-10T00:00", 2))
                .containsExactly(utc("2028-02-29T00:00"), utc("2032-02-29T00:00"));
    }

    @Test
    void a_start_in_the_spring_gap_moves_an_hour_later_and_one_in_the_autumn_overlap_runs_once() {
        // Paris: 29 March 2026 02:00 -> 03:00; 25 October 2026 03:00 -> 02:00
        assertThat(starts("30 2 * * *", PARIS, "2026-03-28T12:00", 2))
                .containsExactly(
                        LocalDateTime.parse("2026-03-28T02:30")
                                .plusDays(1)
                                .atZone(PARIS)
                                .toInstant(), // 03:30 CEST
                        LocalDateTime.parse("2026-03-30T02:30").atZone(PARIS).toInstant());
        assertThat(starts("30 2 * * *", PARIS, "2026-10-24T12:00", 2))
                .containsExactly(
                        Instant.parse("2026-10-25T00:30:00Z"), // 02:30 CEST, the first of the two
                        Instant.parse("2026-10-26T01:30:00Z")); // 02:30 CET the next day
    }

    @Test
    void wrong_expressions_are_refused_with_the_field_named() {
        assertThatThrownBy(() -> CronExpression.parse("60 * * * *", UTC))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("minute field '60': Value 60 not in range [0, 59]");
        assertThatThrownBy(() -> CronExpression.parse("0 5-1 * * *", UTC))
                .hasMessageContaining("hour field '5-1': Invalid range! [5,1]");
        assertThatThrownBy(() -> CronExpression.parse("0 0 * FOO *", UTC))
                .hasMessageContaining("month field 'FOO': Invalid chars in expression!");
        assertThatThrownBy(() -> CronExpression.parse("0 0 * * 1#2", UTC))
                .hasMessageContaining("day of week field '1#2'");
        assertThatThrownBy(() -> CronExpression.parse("*/0 * * * *", UTC)).hasMessageContaining("minute field '*/0'");
        assertThatThrownBy(() -> CronExpression.parse("0 0 * *", UTC)).hasMessageContaining("five fields");
        assertThatThrownBy(() -> CronExpression.parse("0 0 30 2 *", UTC)).hasMessageContaining("never matches");
    }

    @Test
    void names_are_read_whatever_the_default_locale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr"));
        try {
            assertThat(starts("0 12 * * fri", UTC, "2026-03-10T00:00", 1)).containsExactly(utc("2026-03-13T12:00"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
