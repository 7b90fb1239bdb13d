/**
 * Teams messages for answers, in Teams' AI message format: the text with its {@code [n]} markers, the "AI generated"
 * label, the sources as Teams citations (title, link, snippet on hover) and Teams' own feedback buttons; and the
 * activities of a streamed answer (informative update, streaming updates, final message). Entities are Jackson trees
 * in mutable lists, never JDK immutable collections, so serialising them needs no reflection into {@code java.base}.
 */
package io.docent.teams.message;
