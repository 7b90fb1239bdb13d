package io.docent.indexer.schedule;

import io.docent.core.DocentException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When sync runs start: every so often ({@code --every 1h}) or by a cron expression ({@code --every "0 3 * * 1-5"}).
 * Implementations are immutable and thread-safe.
 */
public interface Schedule {

    /** The first start strictly after {@code after}. */
    Instant next(Instant after);

    /**
     * Parses {@code --every}: a duration ({@code 90s}, {@code 15m}, {@code 1h}, {@code 1d}, {@code 1h30m}, or ISO
     * {@code PT1H}) or a five-field cron expression ({@link CronExpression}) read in {@code zone}.
     *
     * @throws DocentException.InvalidInput naming the value and what would be accepted
     */
    static Schedule parse(String spec, ZoneId zone) {
        String s = spec == null ? "" : spec.strip();
        if (s.isEmpty()) {
            throw new DocentException.InvalidInput("--every needs a value such as 1h, 30m or a cron expression");
        }
        if (s.split("\\s+").length == 5) {
            return CronExpression.parse(s, zone);
        }
        return new Every(Durations.parse(s));
    }

    /** A run every {@code interval}, counted from the previous start. */
    record Every(Duration interval) implements Schedule {

        /** Shorter intervals are surely a mistake (a sync of nothing takes longer): one minute. */
        public static final Duration MINIMUM = Duration.ofMinutes(1);

        public Every {
            if (interval == null || interval.compareTo(MINIMUM) < 0) {
                throw new DocentException.InvalidInput("--every must be at least 1m, was " + interval);
            }
        }

        @Override
        public Instant next(Instant after) {
            return after.plus(interval);
        }

        @Override
        public String toString() {
            return "every " + Durations.format(interval);
        }
    }

    /** {@code 1h30m}-style durations. */
    final class Durations {
        private static final Pattern PART = Pattern.compile("(\\d+)\\s*([smhd])");

        private Durations() {}

        static Duration parse(String s) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("p")) {
                try {
                    return Duration.parse(s.toUpperCase(Locale.ROOT));
                } catch (java.time.format.DateTimeParseException e) {
                    throw invalid(s);
                }
            }
            Matcher m = PART.matcher(lower);
            Duration total = Duration.ZERO;
            int end = 0;
            while (m.find()) {
                if (!lower.substring(end, m.start()).isBlank()) {
                    throw invalid(s);
                }
                long n = Long.parseLong(m.group(1));
                total = total.plus(
                        switch (m.group(2)) {
                            case "s" -> Duration.ofSeconds(n);
                            case "m" -> Duration.ofMinutes(n);
                            case "h" -> Duration.ofHours(n);
                            default -> Duration.ofDays(n);
                        });
                end = m.end();
            }
            if (end == 0 || !lower.substring(end).isBlank()) {
                throw invalid(s);
            }
            return total;
        }

        static String format(Duration d) {
            return d.toString().substring(2).toLowerCase(Locale.ROOT);
        }

        private static DocentException invalid(String s) {
            return new DocentException.InvalidInput("--every '" + s + "' is neither a duration (90s, 15m, 1h, 1d,"
                    + " 1h30m) nor a cron expression of five fields (minute hour day-of-month month day-of-week,"
                    + " e.g. \"0 3 * * 1-5\")");
        }
    }
}
