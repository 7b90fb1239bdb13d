package io.docent.indexer.files;

import java.nio.charset.StandardCharsets;

/** Builds citation URLs from a base URL and a relative path. */
final class Urls {

    private Urls() {}

    /** {@code base} and {@code relativePath} joined by exactly one {@code /}, each path segment percent-encoded. */
    static String join(String base, String relativePath) {
        StringBuilder url = new StringBuilder(base);
        if (url.charAt(url.length() - 1) != '/') {
            url.append('/');
        }
        String[] segments = relativePath.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                url.append('/');
            }
            encodeSegment(segments[i], url);
        }
        return url.toString();
    }

    /** RFC 3986 path segment: unreserved characters and a few safe sub-delimiters stay, the rest is UTF-8 %XX. */
    private static void encodeSegment(String segment, StringBuilder out) {
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
            if (keep) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }
}
