package io.docent.indexer.confluence;

import java.util.Locale;

/**
 * A current attachment of a page in a Confluence XML export, whose bytes are in {@code
 * attachments/<pageId>/<attachmentId>/<version>}.
 *
 * @param id the attachment's id
 * @param pageId the page (or blog post) it is attached to
 * @param fileName its file name ({@code title}), which says what kind of file it is
 * @param version its version, the name of its file in the export
 * @param lastModified {@code lastModificationDate} as written, or {@code ""}
 */
record AttachmentInfo(String id, String pageId, String fileName, String version, String lastModified) {

    /** The attachment described by an {@code Attachment} object, or {@code null} for an old version or a trashed one. */
    static AttachmentInfo of(XmlObject o) {
        if (!o.get("originalVersion").isEmpty() || !o.get("originalVersionId").isBlank()) {
            return null;
        }
        String status = o.get("contentStatus").strip().toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !status.equals("current")) {
            return null;
        }
        String page = o.get("containerContent").isEmpty() ? o.get("content") : o.get("containerContent");
        String name = o.get("title").isBlank() ? o.get("fileName") : o.get("title");
        String version = o.get("version").isBlank() ? o.get("attachmentVersion") : o.get("version");
        if (page.isEmpty() || name.isBlank() || o.id().isEmpty()) {
            return null;
        }
        return new AttachmentInfo(o.id(), page, name.strip(), version.strip(), o.get("lastModificationDate"));
    }
}
