package io.docent.core.pipeline;

import java.util.Set;

/**
 * Other words a question's word may be written as in a document: its synonyms in any sense and the words derived from
 * it ("exam": "examination", "test"; "kid": "child"; "married": "marriage", "wed").
 *
 * <p>The relevance gate uses them so that "are eye exams covered?" is seen to be about a page that writes "eye
 * examinations", while "is acupuncture covered?" is still seen to ask about something no page names. Implementations
 * are thread-safe and answer from memory or a local resource, never the network.
 */
@FunctionalInterface
public interface Synonyms {

    /**
     * The words, lowercase, that may stand for {@code word} (itself excluded); empty when none is known. Multi-word
     * expressions are left out.
     */
    Set<String> of(String word);

    /** No synonyms: a word covers only itself. */
    static Synonyms none() {
        return word -> Set.of();
    }
}
