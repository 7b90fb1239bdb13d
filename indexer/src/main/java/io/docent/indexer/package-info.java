/**
 * Docent's indexer: reads document exports, cuts them into chunks and keeps a {@link io.docent.core.SearchIndex} in
 * step with them.
 *
 * <p>This package holds what every stage shares: the {@link io.docent.indexer.DocumentReader} port that each export
 * format implements, the {@link io.docent.indexer.ReadFailure} a reader reports instead of a document, {@link
 * io.docent.indexer.Permissions} (access is fail-closed: a document whose permissions are unknown is for
 * administrators only, and reported, unless its source is declared public), and the
 * {@link io.docent.indexer.ContentHash} and {@link io.docent.indexer.TextNormalizer} helpers that make content hashes
 * stable. The stages live in sub-packages: {@code export} (what {@code docent index} points at: folder or zip,
 * format detection), {@code files} (plain folders), {@code tika} (Office and PDF), {@code html} (HTML to
 * Markdown-ish text), {@code confluence} (Confluence HTML and XML exports), {@code sharepoint}, {@code chunking},
 * {@code sync} (incremental sync, lock, report, the {@code IndexJob}) and {@code schedule} ({@code --every}).
 */
package io.docent.indexer;
