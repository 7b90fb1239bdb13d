package io.docent.indexer.confluence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a date in a line written for people, such as Confluence's "Created by Ana, last modified by Raj on Mar 04,
 * 2026". Confluence localises that line (the real export in {@code shared/data} says "一月 11, 2018"), so this
 * looks for a date anywhere in the text rather than parsing one template, and returns {@code null} rather than a
 * guess when it finds none. Understood: English month names and abbreviations ("Mar 4, 2026", "4 March 2026"),
 * Chinese and Japanese months ("一月 11, 2018", "2018年1月11日"), and ISO dates. The day is taken as UTC midnight:
 * the export gives no time zone, and a date is all a citation shows.
 */
final class LenientDates {

    private static final List<String> MONTHS = List.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");
    private static final Map<String, Integer> CJK_MONTHS = Map.ofEntries(
            Map.entry("一", 1),
            Map.entry("二", 2),
            Map.entry("三", 3),
            Map.entry("四", 4),
            Map.entry("五", 5),
            Map.entry("六", 6),
            Map.entry("七", 7),
            Map.entry("八", 8),
            Map.entry("九", 9),
            Map.entry("十", 10),
            Map.entry("十一", 11),
            Map.entry("十二", 12));

    private static final String MONTH_NAME = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b" + MONTH_NAME + "\\s+(\\d{1,2}),?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b(\\d{1,2})\\.?\\s+" + MONTH_NAME + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CJK_MONTH_DAY_YEAR =
            Pattern.compile("(十[一二]?|[一二三四五六七八九]|\\d{1,2})\\s*月\\s*(\\d{1,2}),?\\s*(\\d{4})");
    private static final Pattern CJK_YEAR_MONTH_DAY = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private LenientDates() {}

    /** The last date found in {@code text} (the modification date follows the creation date), or {@code null}. */
    static Instant lastDateIn(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Found best = null;
        best = later(best, find(MONTH_DAY_YEAR, text, m -> date(m.group(3), month(m.group(1)), m.group(2))));
        best = later(best, find(DAY_MONTH_YEAR, text, m -> date(m.group(3), month(m.group(2)), m.group(1))));
        best = later(best, find(CJK_MONTH_DAY_YEAR, text, m -> date(m.group(3), cjkMonth(m.group(1)), m.group(2))));
        best = later(best, find(CJK_YEAR_MONTH_DAY, text, m -> date(m.group(1), m.group(2), m.group(3))));
        best = later(best, find(ISO, text, m -> date(m.group(1), m.group(2), m.group(3))));
        return best == null ? null : best.date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private record Found(int position, LocalDate date) {}

    private interface DateOf {
        LocalDate from(Matcher m);
    }

    private static Found find(Pattern pattern, String text, DateOf dateOf) {
        Found last = null;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            LocalDate d = dateOf.from(m);
            if (d != null) {
                last = new Found(m.start(), d);
            }
        }
        return last;
    }

    private static Found later(Found a, Found b) {
        if (a == null) {
            return b;
        }
        return b == null || a.position >= b.position ? a : b;
    }

    private static String month(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).startsWith(prefix)) {
                return Integer.toString(i + 1);
            }
        }
        return null;
    }

    private static String cjkMonth(String month) {
        Integer n = CJK_MONTHS.get(month);
        return n != null ? n.toString() : month;
    }

    private static LocalDate date(String year, String month, String day) {
        if (month == null) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            return null; // "Feb 30, 2026" is not a date; say nothing rather than guess
        }
    }
}
