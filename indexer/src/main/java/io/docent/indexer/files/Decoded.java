package io.docent.indexer.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * A file's bytes as text. UTF-8 is assumed (every export format Docent reads writes it) and a UTF-16 byte order
 * mark is honoured. Bytes that are not UTF-8 are not a reason to lose a document:
 *
 * <ol>
 *   <li>a charset the file declares ({@code <meta charset="windows-1252">}, an XML declaration) is used when Java
 *       knows it;
 *   <li>otherwise a charset detector (ICU's, as shipped in Tika) is trusted when it is confident, which it is for
 *       a paragraph or more of Latin-1, Windows-1252, Shift_JIS, GB18030 and the like;
 *   <li>otherwise the bad bytes become U+FFFD.
 * </ol>
 *
 * Each of these is a {@link #warning()} for the report: the text was read, but perhaps not as its author wrote it.
 *
 * @param text the decoded text
 * @param replaced how many characters had to be replaced with U+FFFD (0 when the bytes were decoded cleanly)
 * @param warning what the admin should know, or {@code null} for plain UTF-8
 */
record Decoded(String text, int replaced, String warning) {

    private static final Pattern DECLARED = Pattern.compile(
            "<meta[^>]{0,200}charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]{2,40})|<\\?xml[^>]{0,100}encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{2,40})",
            Pattern.CASE_INSENSITIVE);

    /** Below this the detector guesses more than it knows. */
    private static final int MIN_CONFIDENCE = 50;

    static Decoded of(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), 0, null);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), 0, null);
        }
        try {
            return new Decoded(strict(bytes, StandardCharsets.UTF_8), 0, null);
        } catch (CharacterCodingException e) {
            Decoded declared = declared(bytes);
            if (declared != null) {
                return declared;
            }
            Decoded detected = detected(bytes);
            if (detected != null) {
                return detected;
            }
            String lenient = new String(bytes, StandardCharsets.UTF_8); // bad sequences become U+FFFD
            int replaced =
                    Math.max(1, (int) lenient.chars().filter(c -> c == '\ufffd').count());
            return new Decoded(
                    lenient, replaced, "not valid UTF-8: " + replaced + " character(s) replaced with U+FFFD");
        }
    }

    private static Decoded declared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        try {
            Charset charset = Charset.forName(name);
            if (charset.equals(StandardCharsets.UTF_8)) {
                return null; // declared UTF-8, yet it is not: nothing better to go on
            }
            return new Decoded(
                    strict(bytes, charset),
                    0,
                    "not UTF-8; decoded as " + charset.name() + ", the" + " charset the file declares");
        } catch (IllegalCharsetNameException | UnsupportedCharsetException | CharacterCodingException e) {
            return null;
        }
    }

    private static Decoded detected(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch match = detector.detect();
        if (match == null
                || match.getConfidence() < MIN_CONFIDENCE
                || match.getName().toUpperCase(Locale.ROOT).startsWith("UTF-8")) {
            return null;
        }
        try {
            Charset charset = Charset.forName(match.getName());
            return new Decoded(
                    strict(bytes, charset),
                    0,
                    "not UTF-8; decoded as " + charset.name() + " (detected," + " " + match.getConfidence()
                            + "% confident)");
        } catch (IllegalCharsetNameException | UnsupportedCharsetException | CharacterCodingException e) {
            return null;
        }
    }

    private static String strict(byte[] bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
