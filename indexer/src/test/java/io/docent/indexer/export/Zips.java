package io.docent.indexer.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip files for tests, including hostile ones that {@link ZipOutputStream} would not write by itself. */
final class Zips {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, Long> zeros = new LinkedHashMap<>();

    Zips add(String name, String text) {
        entries.put(name, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Zips add(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    /**
     * An entry of {@code bytes} zero bytes, streamed into the zip rather than held: deflate shrinks zeros about a
     * thousand times, so 64 MB of them is a 64 KB entry, the shape of a zip bomb.
     */
    Zips addZeros(String name, long bytes) {
        zeros.put(name, bytes);
        return this;
    }

    /** Every file under {@code folder}, under {@code prefix} in the zip. */
    Zips addFolder(Path folder, String prefix) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                java.util.List<String> parts = new java.util.ArrayList<>();
                folder.relativize(file).forEach(p -> parts.add(p.toString()));
                entries.put(prefix + String.join("/", parts), Files.readAllBytes(file));
                return FileVisitResult.CONTINUE;
            }
        });
        return this;
    }

    Path write(Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
            byte[] buffer = new byte[64 * 1024];
            for (Map.Entry<String, Long> e : zeros.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                for (long left = e.getValue(); left > 0; left -= buffer.length) {
                    out.write(buffer, 0, (int) Math.min(buffer.length, left));
                }
                out.closeEntry();
            }
        }
        return zip;
    }

    /**
     * Replaces a name in both the local and the central header (same length): how a test gets duplicate names or
     * names {@link ZipOutputStream} would refuse.
     */
    static void rename(Path zip, String from, String to) throws IOException {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("names must have the same length");
        }
        byte[] bytes = Files.readAllBytes(zip);
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        Files.write(zip, latin1.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sets the "encrypted" flag of every entry, in local and central headers. */
    static void markEncrypted(Path zip) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        for (int i = 0; i + 10 < b.length; i++) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4) {
                b[i + 6] |= 1; // local header: general purpose flags at offset 6
            } else if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) {
                b[i + 8] |= 1; // central header: flags at offset 8
            }
        }
        Files.write(zip, b);
    }
}
