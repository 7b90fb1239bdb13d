package io.docent.indexer.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.docent.core.DocentException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A standard five-field cron expression: {@code minute hour day-of-month month day-of-week}, read in a time zone.
 *
 * <p>The syntax is Unix cron's, parsed and matched by cron-utils ({@link CronType#UNIX}): {@code *}, lists, ranges,
 * steps ({@code *&#47;15}, {@code 0-30/10}, {@code 5/20}), named months and days ({@code JAN}, {@code MON-FRI}),
 * Sunday as 0 or 7, and, as in Vixie cron, a day matching either day field when both are restricted ({@code 0 9 1 *
 * MON} runs on the first of the month and on Mondays). Not supported: {@code @daily} shorthands, seconds, {@code L},
 * {@code W}, {@code #} and {@code ?}.
 *
 * <p>This class stays, thin, for what cron-utils does differently from cron:
 *
 * <ul>
 *   <li><b>Daylight saving time.</b> cron-utils skips a start that falls into the hour skipped in spring; cron
 *       (cronie) runs it at the same minute of the next hour, and so do we: the match is searched on the wall clock
 *       (cron-utils in UTC, which has no gaps) and then placed in the zone, which moves a time in the gap forward. A
 *       start in the hour repeated in autumn runs once, the first time.
 *   <li><b>Messages.</b> cron-utils says what is wrong ("Value 60 not in range [0, 59]") but not in which field; we
 *       name the field, and refuse an expression that never matches ({@code 0 0 30 2 *}) when it is read rather
 *       than when the first run is due.
 *   <li><b>Locale.</b> Names are upper-cased in the root locale before cron-utils reads them ({@code fri} is not
 *       {@code FRİ} in Turkish).
 * </ul>
 */
public final class CronExpression implements Schedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final List<String> FIELDS = List.of("minute", "hour", "day of month", "month", "day of week");
    private static final String CRON_UTILS_PREFIX = "Failed to parse cron expression. ";

    private final String text;
    private final ZoneId zone;
    private final ExecutionTime executionTime;

    private CronExpression(String text, ZoneId zone, ExecutionTime executionTime) {
        this.text = text;
        this.zone = zone;
        this.executionTime = executionTime;
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
        ExecutionTime executionTime = ExecutionTime.forCron(read(fields));
        CronExpression cron = new CronExpression(expression.strip(), zone, executionTime);
        if (cron.wallClockNext(LocalDateTime.of(2000, 1, 1, 0, 0)).isEmpty()) {
            throw new DocentException.InvalidInput("cron expression '" + expression + "' never matches a date");
        }
        return cron;
    }

    @Override
    public Instant next(Instant after) {
        LocalDateTime t = LocalDateTime.ofInstant(after, zone);
        while (true) {
            LocalDateTime local = wallClockNext(t)
                    .orElseThrow(() -> new IllegalStateException(text + " has no start after " + after));
            Instant candidate = local.atZone(zone).toInstant(); // a time in a DST gap moves forward
            if (candidate.isAfter(after)) {
                return candidate;
            }
            t = local; // the second pass of an autumn hour: that start has already run
        }
    }

    /** The first matching wall-clock minute strictly after {@code t}, searched where no clock changes. */
    private Optional<LocalDateTime> wallClockNext(LocalDateTime t) {
        return executionTime.nextExecution(t.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime);
    }

    private static com.cronutils.model.Cron read(String[] fields) {
        try {
            return PARSER.parse(String.join(" ", upper(fields))).validate();
        } catch (IllegalArgumentException e) {
            throw invalidField(fields, e);
        }
    }

    /** cron-utils's message, with the field it is about: the first one that is wrong on its own. */
    private static DocentException invalidField(String[] fields, IllegalArgumentException whole) {
        for (int i = 0; i < fields.length; i++) {
            String[] probe = {"*", "*", "*", "*", "*"};
            probe[i] = fields[i];
            try {
                PARSER.parse(String.join(" ", upper(probe))).validate();
            } catch (IllegalArgumentException e) {
                return new DocentException.InvalidInput(
                        "cron " + FIELDS.get(i) + " field '" + fields[i] + "': " + reason(e));
            }
        }
        return new DocentException.InvalidInput("cron expression '" + String.join(" ", fields) + "': " + reason(whole));
    }

    private static String reason(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith(CRON_UTILS_PREFIX) ? message.substring(CRON_UTILS_PREFIX.length()) : message;
    }

    private static String[] upper(String[] fields) {
        return Arrays.stream(fields).map(f -> f.toUpperCase(Locale.ROOT)).toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "cron '" + text + "' (" + zone + ")";
    }
}
