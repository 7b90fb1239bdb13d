package io.docent.core.pipeline;

import java.util.List;

/**
 * Words that name the kind of answer a question wants rather than what it is about: "how many <em>days</em>", "what
 * is the <em>cost</em>", "the <em>maximum</em> I can claim", "which <em>team</em> do I contact". A document answers
 * them with a value ("25 days", "$40", "the service desk"), not with the word, so sharing only these words with a
 * question does not put a passage on its subject, and lacking them does not take it off.
 *
 * <p>The measures (length, size, age...) and contact details (phone, email, address, name) were added to the first list
 * as whole categories after "what is the minimum password <em>length</em>?" and "what is the service desk's
 * <em>phone</em> number?" were refused for lacking the word (docs/benchmarks.md, "Synonyms in the relevance gate").
 *
 * <p>Shared by the extractive answerer (which sentence is on the question's subject) and the relevance gate (how much
 * of the question a passage covers); each stems them with its own analyser.
 */
public final class AnswerKindWords {

    /** The words, unstemmed. */
    public static final List<String> WORDS = List.of(("many much long often far big large old soon day days week weeks"
                    + " month months year years hour hours minute minutes time times date dates deadline cost costs"
                    + " price amount number limit limits maximum minimum percentage rate fee fees budget total contact"
                    + " contacts person people team place located location allowed length size duration frequency"
                    + " distance capacity height width weight age phone telephone email address name")
            .split(" "));

    private AnswerKindWords() {}
}
