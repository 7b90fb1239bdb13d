package io.docent.indexer;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Puts extracted text into one canonical form, so the same document always hashes the same however it was saved
 * (CRLF or LF, NFC or NFD, trailing spaces, a byte order mark) and chunks carry no invisible noise.
 */
public final class TextNormalizer {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00a0]+$", Pattern.MULTILINE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private TextNormalizer() {}

    /**
     * Strips a byte order mark, turns CR and CRLF into LF, composes Unicode (NFC), drops control characters other
     * than newline and tab, trims trailing spaces on each line, keeps at most one blank line in a row, and trims the
     * whole text.
     */
    public static String normalize(String text) {
        String s = text;
        if (!s.isEmpty() && s.charAt(0) == '\ufeff') {
            s = s.substring(1);
        }
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = CONTROL.matcher(s).replaceAll("");
        s = TRAILING_SPACE.matcher(s).replaceAll("");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }
}
