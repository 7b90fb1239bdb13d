package io.docent.indexer.confluence;

import io.docent.core.SourceDocument;
import io.docent.indexer.ContentHash;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.TextNormalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a page of a Confluence XML export and its body into a {@link SourceDocument} for the sink. */
final class PageWriter {

    private static final Logger log = LoggerFactory.getLogger(PageWriter.class);

    /** {@code BodyContent.bodyType} of storage format (XHTML); 0 and 1 are older raw text and wiki markup. */
    private static final String STORAGE_FORMAT = "2";

    private final String source;
    private final EntitiesIndex index;
    private final ExportDescriptor descriptor;
    private final String urlPrefix;
    private final DocumentReader.Sink sink;

    PageWriter(
            String source,
            EntitiesIndex index,
            ExportDescriptor descriptor,
            String urlPrefix,
            DocumentReader.Sink sink) {
        this.source = source;
        this.index = index;
        this.descriptor = descriptor;
        this.urlPrefix = urlPrefix;
        this.sink = sink;
    }

    /** Converts {@code body} and writes the page, or reports why it could not. */
    void write(PageInfo page, XmlObject body, int maxBodyChars) {
        String path = ConfluenceXmlReader.ENTITIES + "#" + page.id();
        if (body.oversize().contains("body")) {
            sink.failed(new ReadFailure(
                    path,
                    page.id(),
                    String.format(
                            Locale.ROOT,
                            "the body of '%s' is longer than %,d characters; skipped",
                            page.title(),
                            maxBodyChars)));
            return;
        }
        String content;
        try {
            // Confluence writes "]] >" for the end of a CDATA section nested in the body's own CDATA
            String raw = body.get("body").replace("]] >", "]]>");
            boolean storage = body.get("bodyType").equals(STORAGE_FORMAT)
                    || raw.stripLeading().startsWith("<");
            content = storage ? StorageFormat.toMarkdown(raw, index::displayName) : TextNormalizer.normalize(raw);
        } catch (RuntimeException e) {
            log.debug("could not convert the body of page {}", page.id(), e);
            sink.failed(new ReadFailure(path, page.id(), "its body could not be converted: " + e));
            return;
        }
        write(page, content);
    }

    /** Writes the page with already converted content. */
    void write(PageInfo page, String content) {
        String path = ConfluenceXmlReader.ENTITIES + "#" + page.id();
        String title = page.title();
        if (title.isBlank()) {
            title = (page.blogPost() ? "Untitled blog post " : "Untitled page ") + page.id();
            sink.warning(path, "has no title; indexed as '" + title + "'");
        }
        String space = index.spaceKey(page.spaceId());
        if (space.isEmpty()) {
            space = descriptor.spaceKey();
        }
        List<String> breadcrumb = page.blogPost() ? List.of("Blog") : index.breadcrumb(page);
        String url = urlPrefix + page.id();
        Set<String> groups = index.accessGroups(page);
        List<String> labels = index.labels(page.id());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("path", path);
        metadata.put("format", "confluence-xml");
        metadata.put("pageId", page.id());
        metadata.put("type", page.blogPost() ? "blogpost" : "page");
        putIfPresent(metadata, "spaceName", index.spaceName(page.spaceId()));
        putIfPresent(metadata, "author", index.displayName(page.creator()));
        putIfPresent(metadata, "lastModifiedBy", index.displayName(page.lastModifier()));
        putIfPresent(metadata, "labels", String.join(", ", labels));
        String hash = ContentHash.of(
                ContentHash.ofDocument(title, space, breadcrumb, url, content, groups), String.join(",", labels));
        sink.document(new SourceDocument(
                page.id(),
                source,
                space,
                title,
                url,
                breadcrumb,
                content,
                hash,
                date(page.lastModified()),
                groups,
                metadata));
    }

    /** {@code 2016-05-10 15:00:04.075} as an instant; the export gives no zone, so UTC. */
    static Instant date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
