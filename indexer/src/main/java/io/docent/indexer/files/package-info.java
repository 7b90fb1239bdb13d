/**
 * Plain folders of Markdown, HTML, text, Office, PDF and mail files, read by {@link
 * io.docent.indexer.files.FolderReader} (Office, PDF and mail through {@link io.docent.indexer.tika.TikaExtractor}).
 * Pages of a Confluence HTML export found in the folder keep their Confluence title, space, breadcrumb and date.
 * Text that is not UTF-8 is decoded by its declared or detected charset, with a warning.
 */
package io.docent.indexer.files;
