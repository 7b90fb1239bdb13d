package io.docent.indexer.tika;

import io.docent.indexer.TextNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;

/** What Tika's metadata adds to a file's text: title, author, date, and for a mail its sender and recipients. */
final class TikaMetadata {

    /** Titles that word processors put in files by themselves; a file name says more. */
    private static final List<String> MEANINGLESS_TITLES = List.of("untitled", "title", "document", "presentation");

    private TikaMetadata() {}

    static OfficeText toText(Metadata metadata, String content, String fileName, boolean truncated) {
        String title = first(metadata, TikaCoreProperties.TITLE);
        if (title != null && MEANINGLESS_TITLES.contains(title.toLowerCase(Locale.ROOT))) {
            title = null;
        }
        Map<String, String> extra = new LinkedHashMap<>();
        String author = first(metadata, TikaCoreProperties.CREATOR);
        if (author != null) {
            extra.put("author", author);
        }
        String lastModifiedBy = first(metadata, TikaCoreProperties.MODIFIER);
        if (lastModifiedBy != null) {
            extra.put("lastModifiedBy", lastModifiedBy);
        }
        Instant modified = date(metadata, TikaCoreProperties.MODIFIED);
        if (modified == null) {
            modified = date(metadata, TikaCoreProperties.CREATED);
        }
        if (isMail(fileName)) {
            content = mailHeader(metadata) + content;
        }
        return new OfficeText(title, TextNormalizer.normalize(content), modified, extra, truncated);
    }

    static boolean isMail(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".eml") || lower.endsWith(".msg");
    }

    /** {@code From:}, {@code To:} and {@code Date:} lines: who wrote a mail to whom is often what is asked. */
    private static String mailHeader(Metadata metadata) {
        List<String> lines = new ArrayList<>();
        String[][] headers = {{"From", "Message-From"}, {"To", "Message-To"}, {"Cc", "Message-Cc"}};
        for (String[] header : headers) {
            String[] values = metadata.getValues(header[1]);
            if (values.length > 0) {
                lines.add(header[0] + ": " + String.join(", ", values));
            }
        }
        Instant sent = date(metadata, TikaCoreProperties.CREATED);
        if (sent != null) {
            lines.add("Date: " + sent);
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n\n";
    }

    private static String first(Metadata metadata, Property... properties) {
        for (Property p : properties) {
            String value = metadata.get(p);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static Instant date(Metadata metadata, Property property) {
        var date = metadata.getDate(property);
        return date == null ? null : date.toInstant();
    }
}
