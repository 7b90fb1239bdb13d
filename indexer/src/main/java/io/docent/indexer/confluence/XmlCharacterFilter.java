package io.docent.indexer.confluence;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Drops the characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) and
 * a leading byte order mark, and counts the U+FFFD replacement characters that invalid UTF-8 was decoded to.
 *
 * <p>Why: Confluence writes whatever its database holds, and a backspace pasted into a page years ago is enough to
 * make a strict XML parser stop halfway through a multi-gigabyte {@code entities.xml}. A control character carries
 * no meaning in a page, so it is dropped rather than allowed to cost the rest of the export.
 */
final class XmlCharacterFilter extends FilterReader {

    private boolean first = true;
    private long dropped;
    private long replaced;

    XmlCharacterFilter(Reader in) {
        super(in);
    }

    /** Characters dropped because XML forbids them. */
    long dropped() {
        return dropped;
    }

    /** U+FFFD characters seen: bytes that were not valid UTF-8 (or, rarely, a U+FFFD the page really had). */
    long replaced() {
        return replaced;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                return n;
            }
            int kept = filter(buffer, offset, n);
            if (kept > 0) {
                return kept; // never 0 for a non-empty request: a whole read of dropped characters reads on
            }
        }
    }

    private int filter(char[] buffer, int offset, int n) {
        int kept = offset;
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            if (first) {
                first = false;
                if (c == '\ufeff') {
                    continue;
                }
            }
            if (c == '\ufffd') {
                replaced++;
            }
            if (allowed(c)) {
                buffer[kept++] = c;
            } else {
                dropped++;
            }
        }
        return kept - offset;
    }

    private static boolean allowed(char c) {
        return c >= 0x20 ? c != '\ufffe' && c != '\uffff' : c == '\t' || c == '\n' || c == '\r';
    }

    @Override
    public long skip(long n) throws IOException {
        char[] sink = new char[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
