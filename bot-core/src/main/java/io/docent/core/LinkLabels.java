package io.docent.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for a link whose label is itself an address: shown as it is only when the label is the link's own
 * target (with or without its scheme, a trailing slash or the host's case). A label such as "https://intranet/payroll"
 * over a link to somewhere else is how retrieved text could send a reader where it does not say, so every surface
 * shows such a link as its target (the core's answers, Slack's mrkdwn, Teams' cards, the web page).
 */
public final class LinkLabels {

    private static final Pattern URL_LIKE =
            Pattern.compile("(?i)^(?:[a-z][a-z0-9+.-]*:|www\\.|//)\\S*$|^[\\w-]+(?:\\.[\\w-]+)+(?:[/:?#]\\S*)?$");

    private LinkLabels() {}

    /** Whether {@code label} reads as an address other than {@code target}. */
    public static boolean misleading(String label, String target) {
        String l = label.strip();
        return URL_LIKE.matcher(l).matches() && !normal(l).equals(normal(target));
    }

    private static String normal(String url) {
        String u = url.strip().replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^mailto:", "");
        if (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        int slash = u.indexOf('/');
        return slash < 0
                ? u.toLowerCase(Locale.ROOT)
                : u.substring(0, slash).toLowerCase(Locale.ROOT) + u.substring(slash);
    }
}
