/**
 * Office documents, PDFs and mails through Apache Tika: {@link io.docent.indexer.tika.TikaExtractor} turns a file's
 * bytes into Markdown-ish text with a time limit and a size limit, and into a reason when it cannot (corrupt,
 * password-protected, empty). Used by the folder, Confluence HTML and SharePoint readers.
 */
package io.docent.indexer.tika;
