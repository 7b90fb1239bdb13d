package io.docent.indexer.export;

import io.docent.core.DocentException;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.confluence.ConfluenceHtmlExportReader;
import io.docent.indexer.confluence.ConfluenceXmlReader;
import io.docent.indexer.files.FolderReader;
import io.docent.indexer.sharepoint.SharePointReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one entry point the command line needs: {@code ExportReaders.detect(path, options)} turns what an admin points
 * {@code docent index} at (a folder, a {@code .zip}, or a Confluence {@code entities.xml}) into the right {@link
 * DocumentReader}, detecting the format ({@link FormatDetector}) unless {@link ExportOptions#format()} forces it.
 *
 * <p>A folder that holds nothing but one folder is read from that inner folder, as a zip's single top folder is, so
 * {@code export.zip} and the folder it unzips to give the same document ids.
 */
public final class ExportReaders {

    private ExportReaders() {}

    /**
     * The reader for the export at {@code input}.
     *
     * @throws DocentException.InvalidInput when {@code input} does not exist, is not a folder, zip or {@code
     *     entities.xml}, or is a zip that cannot be opened; the message names the path
     */
    public static ExportReader detect(Path input, ExportOptions options) {
        Path path = input.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new DocentException.InvalidInput("Export " + path + " does not exist");
        }
        try {
            if (Files.isRegularFile(path)) {
                if (isZip(path)) {
                    ExportFormat format = options.format() != null
                            ? options.format()
                            : FormatDetector.detect(SafeZipExtractor.names(path));
                    return new ExportReader(format, new ZipExportReader(path, format, options));
                }
                if (path.getFileName().toString().equals("entities.xml")) {
                    return new ExportReader(
                            ExportFormat.CONFLUENCE_XML,
                            forFolder(path.getParent(), ExportFormat.CONFLUENCE_XML, options, false));
                }
                throw new DocentException.InvalidInput(
                        path + " is neither a folder nor a .zip; point at the export's folder or zip");
            }
            Path root = FormatDetector.root(path);
            ExportFormat format =
                    options.format() != null ? options.format() : FormatDetector.detect(FormatDetector.names(root));
            return new ExportReader(format, forFolder(root, format, options, false));
        } catch (IOException e) {
            throw new DocentException.InvalidInput("Export " + path + " cannot be read: " + e.getMessage());
        }
    }

    /** The reader of a folder in a known format; {@code pathUrls} for a temporary copy (see {@link FolderReader}). */
    static DocumentReader forFolder(Path folder, ExportFormat format, ExportOptions options, boolean pathUrls) {
        return switch (format) {
            case CONFLUENCE_XML ->
                ConfluenceXmlReader.builder(folder)
                        .baseUrl(options.baseUrl())
                        .maxFileBytes(options.maxFileBytes())
                        .maxEntitiesBytes(options.maxEntitiesBytes())
                        .parseTimeout(options.parseTimeout())
                        .pathUrls(pathUrls)
                        .publicSource(options.publicSource())
                        .build();

            case CONFLUENCE_HTML -> new ConfluenceHtmlExportReader(folder, files(folder, options, pathUrls));
            case SHAREPOINT ->
                SharePointReader.builder(folder)
                        .baseUrl(options.baseUrl())
                        .maxFileBytes(options.maxFileBytes())
                        .parseTimeout(options.parseTimeout())
                        .pathUrls(pathUrls)
                        .publicSource(options.publicSource())
                        .clock(options.clock())
                        .build();
            case FILES -> files(folder, options, pathUrls);
        };
    }

    private static FolderReader files(Path folder, ExportOptions options, boolean pathUrls) {
        return FolderReader.builder(folder)
                .baseUrl(options.baseUrl())
                .maxFileBytes(options.maxFileBytes())
                .parseTimeout(options.parseTimeout())
                .pathUrls(pathUrls)
                .publicSource(options.publicSource())
                .build();
    }

    /** A zip by its first bytes ({@code PK\3\4}, or {@code PK\5\6} when empty), or by its name. */
    static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return Arrays.equals(magic, new byte[] {'P', 'K', 3, 4})
                    || Arrays.equals(magic, new byte[] {'P', 'K', 5, 6})
                    || name(file).endsWith(".zip"); // then opening it says what is wrong with it
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
