package io.docent.core;

/** How a {@link SearchRequest} matches chunks. */
public enum SearchMode {
    /** Keywords only (BM25 over title and content). */
    TEXT,
    /** Embedding similarity only. */
    VECTOR,
    /** Both, fused by rank (reciprocal rank fusion, or the service's own fusion). */
    HYBRID
}
