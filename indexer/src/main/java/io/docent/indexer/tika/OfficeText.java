package io.docent.indexer.tika;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The text of an Office, PDF or mail file, as {@link TikaExtractor} found it.
 *
 * @param title the title the file declares (document properties, a mail's subject), or {@code null}
 * @param content Markdown-ish text: headings, lists and tables kept where the format has them
 * @param lastModified the modification date the file declares, or {@code null}
 * @param metadata author and the like, for the document's metadata
 * @param truncated whether the text was cut at the extractor's character limit
 */
public record OfficeText(
        String title, String content, Instant lastModified, Map<String, String> metadata, boolean truncated) {

    public OfficeText {
        Objects.requireNonNull(content, "content");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
