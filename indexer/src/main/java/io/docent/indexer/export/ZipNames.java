package io.docent.indexer.export;

import java.util.List;
import java.util.regex.Pattern;

/** What a zip entry's name says: whether it is safe to extract, and the top folder all entries share. */
final class ZipNames {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private ZipNames() {}

    /** Why an entry name ({@code /}-separated) must not be extracted, or {@code null} when it is safe. */
    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "zip entry with an empty name";
        }
        if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
            return "zip entry with an absolute path";
        }
        if (name.indexOf('\0') >= 0) {
            return "zip entry with a NUL character in its name";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return "zip entry with '../' in its path";
            }
        }
        return null;
    }

    /** Archiver litter ({@code __MACOSX/}, {@code .DS_Store}, AppleDouble {@code ._x}), never content. */
    static boolean noise(String name) {
        for (String segment : name.split("/")) {
            if (FormatDetector.noise(segment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The top folder every entry lies in ({@code "export-2026/"}), or {@code ""}: stripping it keeps ids stable when
     * only the zip's folder name changes. Archiver litter does not count.
     */
    static String commonFolder(List<String> names) {
        String folder = null;
        boolean nested = false;
        for (String name : names) {
            if (noise(name) || unsafe(name) != null) {
                continue;
            }
            int slash = name.indexOf('/');
            String first = slash < 0 ? null : name.substring(0, slash + 1);
            if (first == null || (folder != null && !folder.equals(first))) {
                return "";
            }
            folder = first;
            nested |= name.length() > first.length();
        }
        return folder != null && nested ? folder : "";
    }
}
