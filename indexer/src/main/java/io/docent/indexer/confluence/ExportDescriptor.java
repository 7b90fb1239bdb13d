package io.docent.indexer.confluence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code exportDescriptor.properties} beside a Confluence XML export's {@code entities.xml}: which space a space
 * export holds ({@code spaceKey}), or that it is a whole-site export ({@code exportType=all}), and which Confluence
 * build wrote it.
 *
 * @param spaceKey the exported space's key, or {@code ""} (a site export names none)
 * @param exportType {@code space}, {@code all}, or {@code ""} when not given
 * @param buildNumber the Confluence build, or {@code ""}
 */
record ExportDescriptor(String spaceKey, String exportType, String buildNumber) {

    static final String FILE_NAME = "exportDescriptor.properties";

    /** The descriptor is a few lines; anything larger is not one. */
    private static final int MAX_BYTES = 1 << 20;

    static final ExportDescriptor NONE = new ExportDescriptor("", "", "");

    /** Reads the descriptor in {@code folder}; {@link #NONE} when there is none. */
    static ExportDescriptor read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(FILE_NAME + " is larger than 1 MB; not a Confluence export descriptor");
            }
            // Properties.store writes ISO-8859-1 with \\u escapes, which is what Confluence uses
            properties.load(new java.io.ByteArrayInputStream(bytes));
        } catch (IllegalArgumentException e) {
            throw new IOException(FILE_NAME + " is not a properties file: " + e.getMessage(), e);
        }
        return new ExportDescriptor(
                properties.getProperty("spaceKey", "").strip(),
                properties.getProperty("exportType", "").strip(),
                properties.getProperty("buildNumber", "").strip());
    }
}
