package io.docent.slack.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits mrkdwn into pieces of at most {@code maxChars} for section blocks, at the best boundary available: a
 * paragraph break, else a line break, else a space, else anywhere; never inside an angle-bracket token
 * ({@code <https://x|a label>}) or an entity ({@code &amp;}), which Slack would show broken.
 */
public final class Sections {

    private Sections() {}

    public static List<String> split(String text, int maxChars) {
        if (maxChars < 20) {
            throw new IllegalArgumentException("maxChars must be >= 20, was " + maxChars);
        }
        List<String> pieces = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > maxChars) {
            int cut = cutPoint(rest, maxChars);
            String piece = rest.substring(0, cut).strip();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    private static int cutPoint(String text, int maxChars) {
        for (String boundary : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(boundary, maxChars - boundary.length());
            while (at > maxChars / 4) {
                if (safe(text, at)) {
                    return at + boundary.length();
                }
                at = text.lastIndexOf(boundary, at - 1);
            }
        }
        int at = maxChars;
        while (at > maxChars / 2 && !safe(text, at)) {
            at--;
        }
        return at;
    }

    /** Whether cutting before index {@code at} leaves every {@code <...>} token and {@code &...;} entity whole. */
    private static boolean safe(String text, int at) {
        int open = text.lastIndexOf('<', at - 1);
        if (open >= 0 && text.lastIndexOf('>', at - 1) < open && text.indexOf('>', open) >= at) {
            return false;
        }
        int amp = text.lastIndexOf('&', at - 1);
        return amp < 0 || at - amp > 5 || text.substring(amp, at).contains(";");
    }
}
