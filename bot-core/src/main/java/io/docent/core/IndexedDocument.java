package io.docent.core;

/** A document as the index knows it: enough to decide whether an export's version needs re-indexing. */
public record IndexedDocument(String documentId, String source, String contentHash, int chunkCount) {}
