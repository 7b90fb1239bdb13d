package io.docent.indexer;

import java.util.Objects;

/**
 * An export entry that could not be turned into a document.
 *
 * @param path where the entry is inside the export (or the export itself), for the report
 * @param documentId the id the document would have had, so its indexed chunks are kept; {@code null} when the failure
 *     cannot be pinned to one document (a folder that could not be listed), in which case the sync deletes nothing
 *     at all in this run, because it cannot know which indexed documents are really gone
 * @param reason what went wrong, written for the admin
 */
public record ReadFailure(String path, String documentId, String reason) {

    public ReadFailure {
        Objects.requireNonNull(path, "path");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
    }

    /** Whether this failure hides an unknown set of documents, so nothing may be deleted. */
    public boolean hidesDocuments() {
        return documentId == null;
    }
}
