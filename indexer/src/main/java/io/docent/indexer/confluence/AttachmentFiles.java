package io.docent.indexer.confluence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Finds the file of an attachment of a Confluence XML export, {@code attachments/<pageId>/<attachmentId>/<version>},
 * without trusting the ids {@code entities.xml} gives: a crafted export could name {@code ../../etc/passwd}, an
 * absolute path, or hold a symbolic link to {@code /proc/self/environ}, and the indexer would read and index that
 * file. So the path is normalised and must stay inside the export's {@code attachments} folder (resolved from the
 * export's real path, so a link above the export, chosen by the admin, is fine), no part of it below the export may
 * be a symbolic link, and the file is opened with {@link LinkOption#NOFOLLOW_LINKS}.
 */
final class AttachmentFiles {

    /**
     * Where an attachment's file is: {@code file}, or {@code null} with {@code refused} saying why it may not be read,
     * or both {@code null} when the export does not hold it.
     */
    record Found(Path file, String refused) {}

    private final Path root;
    private final Path attachments;

    /** @param folder the export's folder */
    AttachmentFiles(Path folder) {
        this.root = realPath(folder.toAbsolutePath().normalize());
        this.attachments = root.resolve("attachments");
    }

    /** The export's folder, as {@link #find} resolves paths against it. */
    Path root() {
        return root;
    }

    /** The attachment's version named in the export, or the latest version there when that one is missing. */
    Found find(AttachmentInfo a) {
        Path dir;
        Path exact;
        try {
            dir = attachments.resolve(a.pageId()).resolve(a.id()).normalize();
            exact = dir.resolve(a.version().isEmpty() ? "1" : a.version()).normalize();
        } catch (InvalidPathException e) {
            return new Found(null, "its path in entities.xml is not a valid path (" + e.getReason() + "); skipped");
        }
        if (!dir.startsWith(attachments) || dir.equals(attachments) || !exact.startsWith(dir) || exact.equals(dir)) {
            return new Found(null, "its path in entities.xml leads outside the export's attachments folder; skipped");
        }
        if (throughLink(exact)) {
            return new Found(null, "its file is, or lies behind, a symbolic link, which is not followed; skipped");
        }
        if (Files.isRegularFile(exact, LinkOption.NOFOLLOW_LINKS)) {
            return new Found(exact, null);
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new Found(null, null);
        }
        try (Stream<Path> versions = Files.list(dir)) {
            return new Found(
                    versions.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(p -> p.getFileName().toString().matches("\\d{1,9}"))
                            .max(Comparator.comparingInt(
                                    p -> Integer.parseInt(p.getFileName().toString())))
                            .orElse(null),
                    null);
        } catch (IOException e) {
            return new Found(null, null);
        }
    }

    /**
     * Reads at most {@code max + 1} bytes of a file {@link #find} returned, without following a link (one put there
     * since it was found included).
     */
    static byte[] read(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
    }

    /** Whether any part of {@code path} below the export's folder is a symbolic link. */
    private boolean throughLink(Path path) {
        for (Path p = path; p != null && p.startsWith(attachments); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return true;
            }
        }
        return false;
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder; // the reader reports a missing export on its own
        }
    }
}
