package io.docent.indexer.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A file's bytes as text. UTF-8 is assumed (every export format Docent reads writes it); a UTF-16 byte order mark is
 * honoured. Invalid UTF-8 is not a reason to lose a document: the bad bytes become U+FFFD and the caller warns.
 *
 * @param text the decoded text
 * @param replaced how many characters had to be replaced (0 when the bytes were valid)
 */
record Decoded(String text, int replaced) {

    static Decoded of(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), 0);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), 0);
        }
        try {
            String strict = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Decoded(strict, 0);
        } catch (CharacterCodingException e) {
            String lenient = new String(bytes, StandardCharsets.UTF_8); // replaces bad sequences with U+FFFD
            int strictReplacements = 0;
            for (int i = 0; i < lenient.length(); i++) {
                if (lenient.charAt(i) == '\ufffd') {
                    strictReplacements++;
                }
            }
            return new Decoded(lenient, Math.max(1, strictReplacements));
        }
    }
}
