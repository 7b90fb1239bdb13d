package io.docent.indexer.export;

import java.util.Locale;

/** Byte counts for people: {@code 50 MB}, {@code 20 GB}. */
final class Sizes {

    private Sizes() {}

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.0f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
        }
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0) : bytes + " bytes";
    }
}
