/**
 * Confluence exports. For now: recognising a page of a Confluence HTML space export and reading what the export
 * keeps outside the page body (title, space, breadcrumb, author, last modified). The space export reader (page
 * ids, attachments) and the XML export reader will live here too.
 */
package io.docent.indexer.confluence;
