/**
 * Docent's indexer: reads document exports, cuts them into chunks and keeps a {@link io.docent.core.SearchIndex} in
 * step with them.
 *
 * <p>This package holds what every stage shares: the {@link io.docent.indexer.DocumentReader} port that each export
 * format implements, the {@link io.docent.indexer.ReadFailure} a reader reports instead of a document, and the
 * {@link io.docent.indexer.ContentHash} and {@link io.docent.indexer.TextNormalizer} helpers that make content hashes
 * stable. The stages live in sub-packages: {@code files} (plain folders), {@code html} (HTML to Markdown-ish text),
 * {@code confluence} (Confluence export pages), {@code chunking} and {@code sync}.
 */
package io.docent.indexer;
