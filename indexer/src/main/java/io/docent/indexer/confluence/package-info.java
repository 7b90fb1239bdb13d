/**
 * Confluence exports. The HTML space export: recognising an export page and reading what the export keeps outside
 * the page body ({@link io.docent.indexer.confluence.ConfluenceHtmlPage}). The XML space or site export: {@link
 * io.docent.indexer.confluence.ConfluenceXmlReader} streams {@code entities.xml} in two StAX passes (no external
 * entity is ever resolved) and converts storage-format bodies, macros included, to Markdown-ish text.
 */
package io.docent.indexer.confluence;
