/**
 * PDF text that keeps the document's shape, read with PDFBox: {@link io.docent.indexer.pdf.PdfReflow} turns a PDF into
 * Markdown page by page (paragraphs, headings, tables, two columns in reading order, no running headers or page
 * numbers), each page opened by a {@code <!--docent:page=N-->} marker line that the chunker turns into the chunk's
 * {@code #page=N} citation.
 */
package io.docent.indexer.pdf;
