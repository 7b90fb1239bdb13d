package io.docent.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A retrievable piece of a {@link SourceDocument}: what is indexed, embedded and cited.
 *
 * @param id unique in the index; by convention {@code documentId + "#" + ordinal}
 * @param documentId the document it belongs to; a document's chunks are replaced together
 * @param source the named source of the document
 * @param space space or site, or {@code ""}
 * @param title the document's title
 * @param url the document's URL (or path)
 * @param breadcrumb ancestors and headings above this chunk, joined with {@code " > "}, or {@code ""}
 * @param text the chunk's text
 * @param ordinal position of the chunk in its document, from 0
 * @param contentHash the document's content hash (the same on every chunk of a document)
 * @param lastModified the document's last modification, or {@code null}
 * @param accessGroups groups that may read it; empty means administrators only (fail closed): public ones carry
 *     {@link AccessGroups#PUBLIC}
 * @param embedding the passage embedding, or {@code null} when not embedded (text-only search, or a search hit)
 */
public record Chunk(
        String id,
        String documentId,
        String source,
        String space,
        String title,
        String url,
        String breadcrumb,
        String text,
        int ordinal,
        String contentHash,
        Instant lastModified,
        Set<String> accessGroups,
        float[] embedding) {

    public Chunk {
        SourceDocument.requireText(id, "id");
        SourceDocument.requireText(documentId, "documentId");
        SourceDocument.requireText(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must be >= 0, was " + ordinal);
        }
        space = space == null ? "" : space;
        url = url == null ? "" : url;
        breadcrumb = breadcrumb == null ? "" : breadcrumb;
        contentHash = contentHash == null ? "" : contentHash;
        accessGroups = accessGroups == null ? Set.of() : Set.copyOf(accessGroups);
    }

    /** This chunk with another embedding (for example after the embedder has run). */
    public Chunk withEmbedding(float[] vector) {
        return new Chunk(
                id,
                documentId,
                source,
                space,
                title,
                url,
                breadcrumb,
                text,
                ordinal,
                contentHash,
                lastModified,
                accessGroups,
                vector);
    }

    /** The text given to the embedder: title and breadcrumb give a chunk the context its words lack. */
    public String textForEmbedding() {
        StringBuilder sb = new StringBuilder(title);
        if (!breadcrumb.isEmpty()) {
            sb.append(" (").append(breadcrumb).append(')');
        }
        return sb.append('\n').append(text).toString();
    }
}
