package io.docent.indexer.files;

import io.docent.core.DocentException;
import io.docent.indexer.ReadFailure;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files of a folder tree that a {@link FolderReader} reads, found without following symbolic links (so a link
 * loop cannot hang the walk), hidden entries left out, sorted by id so the order is stable.
 *
 * @param files readable candidates, by id
 * @param failures entries that could not be listed; a folder among them carries no document id
 * @param warnings entries passed over with a reason (symbolic links)
 */
record FolderListing(List<Entry> files, List<ReadFailure> failures, List<ReadFailure> warnings) {

    /** A file to read: where it is, its id (path from the root, {@code /}-separated) and its modification time. */
    record Entry(Path path, String id, Instant modified) {}

    /** Lists {@code root}; throws {@link DocentException.InvalidInput} when it is missing, not a folder or unreadable. */
    static FolderListing of(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DocentException.InvalidInput(
                    Files.exists(root) ? root + " is not a folder" : "Export folder " + root + " does not exist");
        }
        if (!Files.isReadable(root)) {
            throw new DocentException.InvalidInput("Export folder " + root + " cannot be read (permission denied)");
        }
        List<Entry> files = new ArrayList<>();
        List<ReadFailure> failures = new ArrayList<>();
        List<ReadFailure> warnings = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String id = idOf(root, file);
                    if (hidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        warnings.add(new ReadFailure(id, null, "symbolic link, not followed"));
                    } else if (attrs.isRegularFile()
                            && FileParsers.supports(file.getFileName().toString())) {
                        // only regular files: reading a FIFO or a device would block or never end
                        files.add(new Entry(file, id, attrs.lastModifiedTime().toInstant()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String id = idOf(root, file);
                    // an unlistable folder hides documents we cannot name: the failure carries no id
                    String documentId = FileParsers.supports(id) ? id : null;
                    failures.add(new ReadFailure(id, documentId, "cannot be read: " + describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DocentException.InvalidInput("Export folder " + root + " cannot be read: " + describe(e));
        }
        files.sort(Comparator.comparing(Entry::id));
        return new FolderListing(files, failures, warnings);
    }

    private static String idOf(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** An I/O failure in words for the admin. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it disappeared while the export was read";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
