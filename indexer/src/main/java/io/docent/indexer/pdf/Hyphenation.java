package io.docent.indexer.pdf;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes hyphenation at line ends, and keeps the hyphens that belong to the word.
 *
 * <p>A line ending in a letter and a hyphen, followed by a line starting with a lowercase letter, is one word split
 * by the typesetter ("employ-" / "ees") or a hyphenated compound that happened to break at its hyphen ("self-" /
 * "service"). The rule, in order:
 *
 * <ol>
 *   <li>the joined form occurs elsewhere in the document ("employees"): join;
 *   <li>the hyphenated form occurs elsewhere in the document ("follow-up"): keep the hyphen;
 *   <li>the fragment before the hyphen already holds a hyphen ("out-of-" / "pocket"), or is one of a few prefixes
 *       that English writes with a hyphen ({@link #HYPHENATED_PREFIXES}: "self-", "co-", "non-", "follow-",
 *       "in-"...): keep the hyphen;
 *   <li>otherwise join.
 * </ol>
 *
 * A line whose next line starts with anything but a lowercase letter keeps its hyphen and is joined without a space
 * ("Pre-" / "Tax", "2025-" / "2026"); before "and", "or" or "to" the hyphen is a suspended one and keeps its space
 * ("pre- and post-tax").
 */
final class Hyphenation {

    /** Fragments that, before a hyphen at a line end, are more often a compound's first part than a split word. */
    static final Set<String> HYPHENATED_PREFIXES = Set.of(
            "self", "non", "co", "ex", "in", "out", "off", "on", "up", "well", "follow", "cross", "half", "all", "full",
            "part", "long", "short", "high", "low", "one", "two", "three", "four", "year", "day", "time", "end", "sign",
            "check", "opt", "drop", "pick", "log", "set", "back", "front", "top", "after", "over", "under", "x", "e");

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*");
    private static final Pattern TRAILING_FRAGMENT = Pattern.compile("(\\S*?)(\\p{L}+)-$");
    private static final Pattern LEADING_WORD = Pattern.compile("^(\\p{Ll}[\\p{L}]*)");

    /** Words after which a hyphen at a line end is a suspended one ("pre- and post-tax"), kept with its space. */
    private static final Set<String> SUSPENDED = Set.of("and", "or", "to", "nor");

    private final Set<String> words = new HashSet<>();

    /** Learns the words of the document, to tell a split word from a compound. */
    void learn(String line) {
        Matcher m = WORD.matcher(line);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            // a word cut at this line's end is not evidence
            if (m.end() == line.length() && w.endsWith("-")) {
                continue;
            }
            words.add(w);
        }
    }

    /** {@code line} and {@code next} joined into one paragraph, with the hyphen between them kept or undone. */
    String join(String line, String next) {
        if (line.isEmpty()) {
            return next;
        }
        int cut = line.lastIndexOf(' ') + 1;
        return cut == 0 ? joinWord(line, next) : line.substring(0, cut) + joinWord(line.substring(cut), next);
    }

    /** {@link #join} for the last word of a line. */
    private String joinWord(String line, String next) {
        Matcher end = TRAILING_FRAGMENT.matcher(line);
        if (!end.find()) {
            boolean numberRange =
                    line.endsWith("-") && line.length() > 1 && Character.isDigit(line.charAt(line.length() - 2));
            return numberRange ? line + next : line + " " + next;
        }
        Matcher start = LEADING_WORD.matcher(next);
        if (!start.find()) {
            return line + next; // "Pre-" / "Tax": a compound broken at its hyphen
        }
        String rest = start.group(1);
        if (SUSPENDED.contains(rest)) {
            return line + " " + next; // "pre- and post-tax"
        }
        boolean keep = keepsHyphen(end.group(1), end.group(2), rest);
        return keep ? line + next : line.substring(0, line.length() - 1) + next;
    }

    private boolean keepsHyphen(String before, String fragment, String rest) {
        String whole = (before + fragment).toLowerCase(Locale.ROOT);
        String lowerRest = rest.toLowerCase(Locale.ROOT);
        String lastPart = fragment.toLowerCase(Locale.ROOT);
        if (words.contains(whole + lowerRest) && !before.endsWith("-")) {
            return false;
        }
        if (words.contains(whole + "-" + lowerRest)) {
            return true;
        }
        return before.endsWith("-") || HYPHENATED_PREFIXES.contains(lastPart);
    }
}
