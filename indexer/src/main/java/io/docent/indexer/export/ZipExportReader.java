package io.docent.indexer.export;

import io.docent.core.DocentException;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.ReadFailure;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an export delivered as a zip: extracts it safely ({@link SafeZipExtractor}) into a temporary folder, reads
 * that folder with the reader of its format, and deletes the folder, whatever happens. Entries the extractor refused
 * are reported as failures after the export's own documents. Citation URLs are paths inside the export (or the base
 * URL's), never the temporary folder's.
 */
final class ZipExportReader implements DocumentReader {

    private static final Logger log = LoggerFactory.getLogger(ZipExportReader.class);

    private final Path zip;
    private final ExportFormat format;
    private final ExportOptions options;

    ZipExportReader(Path zip, ExportFormat format, ExportOptions options) {
        this.zip = zip.toAbsolutePath().normalize();
        this.format = format;
        this.options = options;
    }

    @Override
    public String location() {
        return zip.toString();
    }

    @Override
    public void read(String source, Sink sink) {
        Path folder = tempFolder();
        try {
            SafeZipExtractor extractor = new SafeZipExtractor(
                    options, path -> format == ExportFormat.CONFLUENCE_XML && path.equals("entities.xml"));
            SafeZipExtractor.Result extracted = extractor.extract(zip, folder);
            log.info("extracted {} file(s) of {} into {}", extracted.extracted(), zip, folder);
            List<ReadFailure> refused = extracted.failures();
            try {
                ExportReaders.forFolder(folder, format, options, true).read(source, sink);
            } finally {
                refused.forEach(sink::failed);
                extracted.warnings().forEach(w -> sink.warning(w.path(), w.reason()));
            }
        } finally {
            delete(folder);
        }
    }

    private Path tempFolder() {
        try {
            return options.tempDir() == null
                    ? Files.createTempDirectory("docent-zip-")
                    : Files.createTempDirectory(Files.createDirectories(options.tempDir()), "docent-zip-");
        } catch (IOException e) {
            throw new DocentException.InvalidInput("Cannot create a temporary folder to extract " + zip + " into: "
                    + e.getMessage() + " (set another one with the temp dir option)");
        }
    }

    private static void delete(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("could not delete the temporary folder {}: {}", folder, e.getMessage());
        }
    }
}
