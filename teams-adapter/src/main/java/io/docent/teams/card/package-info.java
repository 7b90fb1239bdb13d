/**
 * Teams messages for answers: the text with its {@code [n]} markers, and an Adaptive Card of the numbered sources
 * (title linked to the document, snippet) with 👍 / 👎 feedback buttons. Cards are Jackson trees, never JDK
 * immutable collections, so serialising them needs no reflection into {@code java.base}.
 */
package io.docent.teams.card;
