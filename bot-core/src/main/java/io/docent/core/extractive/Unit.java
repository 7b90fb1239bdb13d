package io.docent.core.extractive;

/**
 * The smallest piece of a source the extractive answerer may quote: a sentence of prose, a whole list item, a whole
 * table row or a whole code block. Items, rows and blocks are never cut into sentences, so a step, a row of facts or
 * a command is quoted intact.
 *
 * @param source index of the source in the request (0 = best)
 * @param number the source's citation number
 * @param position order of the unit within its source, from 0
 * @param kind what the unit is
 * @param text the text to quote, as it reads in the source (an item keeps its bullet or number)
 * @param label the heading above the unit, or "": the section it belongs to
 * @param header for a table row, the table's header row, quoted before the first row of its table, otherwise "": it
 *     names what the row's cells are, so its words count as the row's own
 * @param document the title and breadcrumb of the unit's document
 */
record Unit(
        int source, int number, int position, Kind kind, String text, String label, String header, String document) {

    enum Kind {
        SENTENCE,
        ITEM,
        ROW,
        BLOCK
    }

    /** Whether the unit introduces what follows ("To get access:"), so the items after it belong with it. */
    boolean leadsIn() {
        return text.endsWith(":");
    }

    /** Whether the unit is quoted on a line of its own rather than run into a paragraph. */
    boolean ownLine() {
        return kind != Kind.SENTENCE;
    }
}
