package io.docent.indexer.sharepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finding and reading the JSON files of a SharePoint export. */
final class ExportFiles {

    /** A metadata JSON larger than this is not one: 10 MB. */
    private static final long MAX_JSON_BYTES = 10L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFiles() {}

    /** The site page JSON files, relative and {@code /}-separated, sorted; hidden folders and links left out. */
    static List<String> sitePages(Path root) {
        List<String> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, new FileVisitOption[0])) {
            walk.filter(p -> p.getFileName()
                            .toString()
                            .toLowerCase(Locale.ROOT)
                            .endsWith(SharePointReader.SITE_PAGE.toLowerCase(Locale.ROOT)))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> relative(root, p))
                    .filter(id -> !id.startsWith(".") && !id.contains("/."))
                    .sorted()
                    .forEach(pages::add);
        } catch (IOException | UncheckedIOException e) {
            // the folder reader reports what cannot be listed
        }
        return pages;
    }

    /** {@code SitePages/Home.sitePage.json} is the page {@code SitePages/Home.aspx}. */
    static String pageId(String jsonPath) {
        return jsonPath.substring(0, jsonPath.length() - SharePointReader.SITE_PAGE.length()) + ".aspx";
    }

    /** The JSON in {@code file}, which is never read through a symbolic link. */
    static JsonNode json(Path file) throws IOException {
        if (Files.size(file) > MAX_JSON_BYTES) {
            throw new IOException("larger than 10 MB");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return JSON.readTree(in);
        }
    }

    private static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }
}
