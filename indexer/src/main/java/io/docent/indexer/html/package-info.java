/**
 * HTML to Markdown-ish text: the one form every reader hands to the chunker. Headings become {@code #} lines, list
 * items {@code - } or {@code 1. } lines, table rows {@code | a | b |} lines and {@code <pre>} blocks fenced code, so
 * the chunker can see structure without knowing HTML. Navigation and export chrome is dropped.
 */
package io.docent.indexer.html;
