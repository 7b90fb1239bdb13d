/**
 * Structure-aware chunking: a {@link io.docent.core.SourceDocument}'s Markdown-ish text into retrievable
 * {@link io.docent.core.Chunk}s that keep headings as a breadcrumb and never cut a table row or a code block. See
 * {@link io.docent.indexer.chunking.Chunker} for the sizes and why.
 */
package io.docent.indexer.chunking;
