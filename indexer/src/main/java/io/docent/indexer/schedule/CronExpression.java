package io.docent.indexer.schedule;

import io.docent.core.DocentException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A standard five-field cron expression: {@code minute hour day-of-month month day-of-week}, read in a time zone.
 *
 * <p>Each field is {@code *} or a comma-separated list of values ({@code 5}), ranges ({@code 1-5}) and steps
 * ({@code *&#47;15}, {@code 0-30/10}, {@code 5/20}). Months and days of the week may be named ({@code JAN}, {@code
 * MON-FRI}); Sunday is 0 or 7. As in Vixie cron, when both day fields are restricted a day matching either one
 * matches ({@code 0 9 1 * MON} runs on the first of the month and on Mondays). Not supported: the non-standard
 * {@code @daily} shorthands, seconds, {@code L}, {@code W}, {@code #} and {@code ?}.
 *
 * <p>Daylight saving time: a start that falls into the hour skipped in spring runs at the same minute of the next
 * hour (as cronie does); a start in the hour repeated in autumn runs once, the first time.
 */
public final class CronExpression implements Schedule {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /** How far ahead {@link #next} looks: enough for 29 February on a Monday (28 years), not forever. */
    private static final int MAX_YEARS_AHEAD = 30;

    private final String text;
    private final ZoneId zone;
    private final long minutes;
    private final long hours;
    private final long daysOfMonth;
    private final long months;
    private final long daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private CronExpression(String text, ZoneId zone, String[] fields) {
        this.text = text;
        this.zone = zone;
        this.minutes = field(fields[0], "minute", 0, 59, List.of());
        this.hours = field(fields[1], "hour", 0, 23, List.of());
        this.daysOfMonth = field(fields[2], "day of month", 1, 31, List.of());
        this.months = field(fields[3], "month", 1, 12, MONTHS);
        long dow = field(fields[4], "day of week", 0, 7, DAYS);
        this.daysOfWeek = (dow & (1L << 7)) != 0 ? dow | 1 : dow; // 7 is Sunday too
        this.domRestricted = !fields[2].startsWith("*");
        this.dowRestricted = !fields[4].startsWith("*");
    }

    /**
     * Parses a five-field expression.
     *
     * @throws DocentException.InvalidInput naming the field that is wrong, or saying that the expression never
     *     matches ({@code 0 0 30 2 *})
     */
    public static CronExpression parse(String expression, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        String[] fields =
                expression == null ? new String[0] : expression.strip().split("\\s+");
        if (fields.length != 5) {
            throw new DocentException.InvalidInput("cron expression '" + expression + "' must have five fields:"
                    + " minute hour day-of-month month day-of-week");
        }
        CronExpression cron = new CronExpression(expression.strip(), zone, fields);
        if (cron.search(LocalDateTime.of(2000, 1, 1, 0, 0), Instant.MIN) == null) {
            throw new DocentException.InvalidInput("cron expression '" + expression + "' never matches a date");
        }
        return cron;
    }

    @Override
    public Instant next(Instant after) {
        LocalDateTime start = LocalDateTime.ofInstant(after, zone)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        Instant next = search(start, after);
        if (next == null) {
            throw new IllegalStateException(text + " has no start within " + MAX_YEARS_AHEAD + " years of " + after);
        }
        return next;
    }

    /** The first matching minute from {@code t} on whose instant is after {@code after}, or {@code null}. */
    private Instant search(LocalDateTime t, Instant after) {
        int lastYear = t.getYear() + MAX_YEARS_AHEAD;
        while (t.getYear() <= lastYear) {
            if (!has(months, t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!has(hours, t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!has(minutes, t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                Instant candidate = t.atZone(zone).toInstant(); // a time in a DST gap moves forward
                if (candidate.isAfter(after)) {
                    return candidate;
                }
                t = t.plusMinutes(1);
            }
        }
        return null;
    }

    private boolean dayMatches(LocalDateTime t) {
        boolean dom = has(daysOfMonth, t.getDayOfMonth());
        boolean dow = has(daysOfWeek, t.getDayOfWeek().getValue() % 7);
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static boolean has(long bits, int value) {
        return (bits & (1L << value)) != 0;
    }

    /** The set of values of one field, as bits. */
    private static long field(String field, String name, int min, int max, List<String> names) {
        long bits = 0;
        for (String item : field.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), name, field, 1, max - min + 1, List.of());
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw invalid(name, field, "'" + range + "' is not a range");
                }
                from = number(ends[0], name, field, min, max, names);
                to = number(ends[1], name, field, min, max, names);
                if (from > to) {
                    throw invalid(name, field, "the range " + range + " runs backwards");
                }
            } else {
                from = number(range, name, field, min, max, names);
                to = slash >= 0 ? max : from; // "5/20": from 5 to the end, every 20
            }
            for (int v = from; v <= to; v += step) {
                bits |= 1L << v;
            }
        }
        return bits;
    }

    private static int number(String s, String name, String field, int min, int max, List<String> names) {
        String upper = s.strip().toUpperCase(Locale.ROOT);
        int named = names.indexOf(upper);
        if (named >= 0) {
            return named + (names == MONTHS ? 1 : 0);
        }
        try {
            int n = Integer.parseInt(upper);
            if (n < min || n > max) {
                throw invalid(name, field, n + " is outside " + min + "-" + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(name, field, "'" + s + "' is not a number" + (names.isEmpty() ? "" : " or a name"));
        }
    }

    private static DocentException invalid(String name, String field, String why) {
        return new DocentException.InvalidInput("cron " + name + " field '" + field + "': " + why);
    }

    @Override
    public String toString() {
        return "cron '" + text + "' (" + zone + ")";
    }
}
