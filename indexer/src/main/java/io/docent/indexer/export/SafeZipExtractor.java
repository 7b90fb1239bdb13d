package io.docent.indexer.export;

import io.docent.core.DocentException;
import io.docent.indexer.ReadFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Extracts a zip export into a folder without trusting anything the zip says about itself.
 *
 * <ul>
 *   <li><b>Zip slip.</b> An entry whose name is absolute ({@code /etc/x}, {@code C:\x}) or climbs out ({@code
 *       ../x}) is not extracted and is reported; every target path is also checked to lie inside the folder after
 *       normalisation. Backslashes count as separators, as Windows archivers write them.
 *   <li><b>Zip bombs.</b> Sizes are counted while bytes are written, not read from headers, which can lie, and every
 *       limit is checked before each buffer is written, so no entry ever puts more than its limit on disk: an entry
 *       over the per-file limit, or (past 1 MB) over {@link ExportOptions#maxCompressionRatio} times its compressed
 *       size, is stopped there, deleted and reported; an archive whose entries together pass {@link
 *       ExportOptions#maxZipBytes} is refused as a whole at the byte that passes it, as is one with more than {@link
 *       ExportOptions#maxZipEntries} entries, because what it would have held is unknown (the sync then deletes
 *       nothing). An entry the export cannot be read without (a Confluence {@code entities.xml}, streamed rather than
 *       read whole) has its own limit, {@link ExportOptions#maxEntitiesBytes}, and passing it refuses the archive.
 *   <li><b>Anything else odd</b> (an encrypted or corrupt entry, an unsupported compression method, a symbolic link,
 *       a name given twice) fails that entry alone.
 * </ul>
 *
 * <p>The central directory is read (commons-compress {@link ZipFile}) rather than the local headers, so the entries
 * seen are the ones every other tool sees, and each entry is read at its own offset even when two share a name. A single top folder that holds everything ({@code export-2026/...}) is stripped, so ids
 * do not change when the zip's folder name does.
 */
final class SafeZipExtractor {

    /** Below this an entry's compression ratio is not checked: small files can legitimately compress very well. */
    private static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    /** How an extracted file is opened for writing; a test counts what reaches the disk. */
    interface Output {
        OutputStream open(Path file) throws IOException;
    }

    private static final int BUFFER_BYTES = 64 * 1024;

    private final ExportOptions options;
    private final Predicate<String> essential;
    private final Output output;

    /**
     * @param essential entries (by path inside the export) the export cannot be read without, such as a Confluence
     *     {@code entities.xml}: streamed rather than read whole, so their limit is {@link
     *     ExportOptions#maxEntitiesBytes} instead of the per-file one, and passing it refuses the whole archive
     */
    SafeZipExtractor(ExportOptions options, Predicate<String> essential) {
        this(options, essential, file -> Files.newOutputStream(file, StandardOpenOption.CREATE_NEW));
    }

    SafeZipExtractor(ExportOptions options, Predicate<String> essential, Output output) {
        this.options = options;
        this.essential = essential;
        this.output = output;
    }

    /** What was extracted: the entries that were not, with their reasons. */
    record Result(List<ReadFailure> failures, List<ReadFailure> warnings, int extracted) {}

    /** The entry names of a zip (for format detection), with the common top folder stripped. */
    static List<String> names(Path zipFile) {
        try (ZipFile zip = open(zipFile)) {
            List<String> names = Collections.list(zip.getEntries()).stream()
                    .map(e -> e.getName().replace('\\', '/'))
                    .toList();
            String prefix = ZipNames.commonFolder(names);
            return names.stream()
                    .filter(n -> n.startsWith(prefix))
                    .map(n -> n.substring(prefix.length()))
                    .toList();
        } catch (IOException e) {
            throw notAZip(zipFile, e);
        }
    }

    Result extract(Path zipFile, Path target) {
        List<ReadFailure> failures = new ArrayList<>();
        List<ReadFailure> warnings = new ArrayList<>();
        int extracted = 0;
        long total = 0;
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zip = open(zipFile)) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > options.maxZipEntries()) {
                throw new DocentException.InvalidInput(String.format(
                        Locale.ROOT,
                        "%s has %,d entries, more than the limit of %,d; nothing was read (a zip bomb?)",
                        zipFile,
                        entries.size(),
                        options.maxZipEntries()));
            }
            String prefix = ZipNames.commonFolder(
                    entries.stream().map(e -> e.getName().replace('\\', '/')).toList());
            for (ZipArchiveEntry entry : entries) {
                String name = entry.getName().replace('\\', '/');
                String unsafe = ZipNames.unsafe(name);
                if (unsafe != null) {
                    failures.add(new ReadFailure(entry.getName(), entry.getName(), unsafe + "; not extracted"));
                    continue;
                }
                if (ZipNames.noise(name) || !name.startsWith(prefix) || name.length() == prefix.length()) {
                    continue;
                }
                String relative = name.substring(prefix.length());
                Path file = root.resolve(relative).normalize();
                if (!file.startsWith(root)) {
                    failures.add(new ReadFailure(name, name, "zip entry outside the export folder; not extracted"));
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                if (entry.isUnixSymlink()) {
                    // as in a folder, a link is not followed: said, but not a failure of the export
                    warnings.add(new ReadFailure(entry.getName(), relative, "symbolic link, not followed"));
                    continue;
                }
                String unreadable = unreadable(zip, entry);
                if (unreadable != null) {
                    failures.add(new ReadFailure(entry.getName(), relative, unreadable + "; not extracted"));
                    continue;
                }
                long written = copy(zipFile, zip, entry, relative, file, options.maxZipBytes() - total, failures);
                if (written >= 0) {
                    extracted++;
                    total += written;
                }
            }
        } catch (ZipException e) {
            throw notAZip(zipFile, e);
        } catch (IOException e) {
            throw new DocentException.InvalidInput("Could not extract " + zipFile + ": " + e.getMessage());
        }
        return new Result(failures, warnings, extracted);
    }

    /**
     * Copies one entry, checking every limit before each buffer is written; returns the bytes written, or -1 when the
     * entry was refused (and reported).
     *
     * @param budget how many bytes the archive may still expand to
     * @throws DocentException.InvalidInput when the entry passes the archive's budget, or is essential and passes
     *     its own limit: the archive is refused as a whole
     */
    private long copy(
            Path zipFile,
            ZipFile zip,
            ZipArchiveEntry entry,
            String relative,
            Path file,
            long budget,
            List<ReadFailure> failures)
            throws IOException {
        boolean isEssential = essential.test(relative);
        long cap = isEssential ? options.maxEntitiesBytes() : options.maxFileBytes();
        long ratioCap =
                Math.max(RATIO_FLOOR_BYTES, options.maxCompressionRatio() * Math.max(1, entry.getCompressedSize()));
        Files.createDirectories(file.getParent());
        String refused = null;
        long written = 0;
        try (InputStream in = zip.getInputStream(entry);
                OutputStream out = output.open(file)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (written + n > budget) {
                    throw refuse(
                            file,
                            String.format(
                                    Locale.ROOT,
                                    "%s expands to more than the limit of %s; nothing was read (a zip bomb?)",
                                    zipFile,
                                    Sizes.human(options.maxZipBytes())));
                }
                if (written + n > cap) {
                    if (isEssential) {
                        throw refuse(
                                file,
                                String.format(
                                        Locale.ROOT,
                                        "%s in %s is larger than the %s limit for it; nothing was read (raise the limit if"
                                                + " the export is really this large)",
                                        relative,
                                        zipFile,
                                        Sizes.human(cap)));
                    }
                    refused = "larger than the " + Sizes.human(cap) + " limit; skipped";
                    break;
                }
                if (written + n > ratioCap) {
                    refused = String.format(
                            Locale.ROOT,
                            "expands to more than %d times its compressed size (%s); skipped as a likely zip bomb",
                            options.maxCompressionRatio(),
                            Sizes.human(entry.getCompressedSize()));
                    break;
                }
                out.write(buffer, 0, n);
                written += n;
            }
        } catch (FileAlreadyExistsException e) {
            failures.add(new ReadFailure(entry.getName(), relative, "appears twice in the zip; the first was kept"));
            return -1;
        } catch (ZipException e) {
            refused = "cannot be extracted (" + e.getMessage() + ")";
        }
        if (refused != null) {
            Files.deleteIfExists(file);
            failures.add(new ReadFailure(entry.getName(), relative, refused));
            return -1;
        }
        return written;
    }

    /** Deletes what was written of an entry that refuses the whole archive, and says why. */
    private static DocentException.InvalidInput refuse(Path file, String message) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the temporary folder is deleted as a whole after this anyway
        }
        return new DocentException.InvalidInput(message);
    }

    private static ZipFile open(Path zipFile) throws IOException {
        return ZipFile.builder().setPath(zipFile).get();
    }

    /** Why an entry's data cannot be read, or {@code null}. */
    private static String unreadable(ZipFile zip, ZipArchiveEntry entry) {
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            return "encrypted (password-protected)";
        }
        if (!zip.canReadEntryData(entry)) {
            return "stored with a compression method that cannot be read (" + entry.getMethod() + ")";
        }
        return null;
    }

    private static DocentException notAZip(Path zipFile, IOException e) {
        return new DocentException.InvalidInput(zipFile + " is not a readable zip: " + e.getMessage());
    }
}
