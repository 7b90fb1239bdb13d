package io.docent.indexer;

import io.docent.core.SourceDocument;

/**
 * Reads one export (a folder, later a Confluence or SharePoint export) and hands its documents to a {@link Sink} as
 * they are read, so an export larger than memory streams through.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Every entry of the export ends up as exactly one {@link Sink#document} or one {@link Sink#failed} call; an
 *       entry that is deliberately not content (an image, a space's page list) produces neither.
 *   <li>Entries come in a stable order (the same export read twice gives the same order), so "keep the first of two
 *       duplicate ids" is deterministic.
 *   <li>A problem with one entry is a {@link ReadFailure}, never an exception: the caller keeps that entry's
 *       previously indexed chunks.
 *   <li>An export that cannot be read as a whole (missing, not a folder, unreadable) throws {@link
 *       io.docent.core.DocentException.InvalidInput} with a message that names the location; the caller then deletes
 *       nothing.
 *   <li>Exceptions thrown by the sink propagate unchanged.
 * </ul>
 */
public interface DocumentReader {

    /** Where this reader reads from (a path or URL), for messages. */
    String location();

    /**
     * Reads the export once, calling {@code sink} for every entry.
     *
     * @param source the named source the documents belong to; set on every {@link SourceDocument}
     */
    void read(String source, Sink sink);

    /** Receives what a {@link DocumentReader} reads. Called from the reading thread only. */
    interface Sink {

        /** How many entries the export holds, when the reader knows before reading; at most once, first. */
        default void expect(int entries) {}

        /** A document read successfully. */
        void document(SourceDocument document);

        /** An entry that could not be read or parsed; its previously indexed chunks must be kept. */
        void failed(ReadFailure failure);

        /**
         * An entry deliberately not indexed because it is not content (a Confluence space's page list), so progress
         * can still count it.
         */
        default void skipped(String path, String reason) {}

        /** Something worth telling the admin that did not stop the entry from being read (bad encoding, a symlink). */
        default void warning(String path, String message) {}
    }
}
