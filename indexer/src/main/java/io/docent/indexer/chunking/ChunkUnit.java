package io.docent.indexer.chunking;

import java.util.List;

/**
 * The smallest piece the chunker moves: a heading, a sentence (or a piece of an over-long one), a list item, a table
 * row or header, a code block. A chunk boundary falls only between units.
 *
 * @param kind what it is
 * @param text its text, without the separator
 * @param separator what joins it to the unit before it in the same chunk: a blank line between blocks, a newline
 *     between rows and items, a space between sentences
 * @param headings the heading path in force at this unit (including the unit itself if it is a heading)
 * @param table for table rows and headers, which table (numbered per document); -1 otherwise
 * @param tokens its size, separator included
 * @param place where in the document it is, as a URL fragment ({@code page=3}, {@code slide=2}), or {@code null}
 *     when the text carries no place markers
 */
record ChunkUnit(Kind kind, String text, String separator, List<String> headings, int table, int tokens, String place) {

    enum Kind {
        HEADING,
        SENTENCE,
        LIST_ITEM,
        TABLE_HEADER,
        TABLE_ROW,
        CODE
    }
}
