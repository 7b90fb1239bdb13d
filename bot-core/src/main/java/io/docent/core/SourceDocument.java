package io.docent.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A document as read from an export, before chunking.
 *
 * @param id stable id, unique within its source (a page id, a path inside the export)
 * @param source the named source it was indexed under ({@code confluence-eng}, {@code handbook})
 * @param space Confluence space key or SharePoint site, or {@code ""}
 * @param title human title; never blank
 * @param url where a reader can open it: the source's own URL, a base URL plus id, or a path
 * @param breadcrumb ancestors, outermost first (not including the title)
 * @param content the text, with structure kept as Markdown-ish lines (headings as {@code #}, tables as rows)
 * @param contentHash hash of everything that affects the chunks; unchanged hash means nothing to re-embed
 * @param lastModified when the source says it last changed, or {@code null}
 * @param accessGroups groups that may read it; empty means administrators only (fail closed): public ones carry
 *     {@link AccessGroups#PUBLIC}
 * @param metadata anything else worth keeping (author, labels)
 */
public record SourceDocument(
        String id,
        String source,
        String space,
        String title,
        String url,
        List<String> breadcrumb,
        String content,
        String contentHash,
        Instant lastModified,
        Set<String> accessGroups,
        Map<String, String> metadata) {

    public SourceDocument {
        requireText(id, "id");
        requireText(source, "source");
        requireText(title, "title");
        Objects.requireNonNull(content, "content");
        requireText(contentHash, "contentHash");
        space = space == null ? "" : space;
        url = url == null ? "" : url;
        breadcrumb = breadcrumb == null ? List.of() : List.copyOf(breadcrumb);
        accessGroups = accessGroups == null ? Set.of() : Set.copyOf(accessGroups);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
