/**
 * Structure-aware chunking: a {@link io.docent.core.SourceDocument}'s Markdown-ish text into retrievable
 * {@link io.docent.core.Chunk}s that keep headings as a breadcrumb and never cut a table row or a code block; text
 * marked with pages or slides ({@code <!--docent:page=N-->}) gives each chunk the URL of its page or slide. See
 * {@link io.docent.indexer.chunking.Chunker} for the sizes and why.
 */
package io.docent.indexer.chunking;
