package io.docent.indexer.files;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a file's format tells about it, before the reader adds id, URL and hash.
 *
 * @param title the title found inside the file, or {@code null} to use the file name
 * @param space the space, or {@code ""}
 * @param breadcrumb ancestors found inside the file, or {@code null} to use the folders
 * @param content normalised Markdown-ish text
 * @param lastModified a date found inside the file, or {@code null} to use the file's time
 * @param metadata extra fields (author, page id)
 */
record ParsedFile(
        String title,
        String space,
        List<String> breadcrumb,
        String content,
        Instant lastModified,
        Map<String, String> metadata) {

    static ParsedFile ofContent(String title, String content) {
        return new ParsedFile(title, "", null, content, null, Map.of());
    }
}
