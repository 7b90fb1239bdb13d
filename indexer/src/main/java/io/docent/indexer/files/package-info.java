/**
 * Plain folders of Markdown, HTML and text files, read by {@link io.docent.indexer.files.FolderReader}. Pages of a
 * Confluence HTML export found in the folder keep their Confluence title, space, breadcrumb and date.
 */
package io.docent.indexer.files;
