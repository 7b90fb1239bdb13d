package io.docent.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How much of a question's content a passage holds: the share of the question's content words (stemmed, without
 * stop words and the words every question is made of, such as "how", "can", "I", "get") that occur in the passage.
 *
 * <p>It is the relevance gate's evidence beside the cosine similarity. A vector model finds the nearest passage for
 * any question, so "can I bring my dog to the office?" lands on the office page with a similarity close to that of
 * answerable questions; but "dog" is nowhere in it. Each word weighs by its rarity in the index ({@link TermRarity});
 * the question words below are dropped all the same, since "how" and "many" are not what a question asks about.
 * Thread-safe: Lucene analyzers reuse their token streams per thread.
 */
public final class QueryCoverage {

    /** Words that carry the question's form rather than its subject; English stop words are dropped as well. */
    private static final CharArraySet QUESTION_WORDS = stopWords();

    private final Analyzer analyzer = new EnglishAnalyzer(QUESTION_WORDS);

    private static CharArraySet stopWords() {
        var words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (String w : ("what when where which who whom whose why how many much long often does do did can could "
                        + "should would may might must shall will i me my mine we us our you your am been being "
                        + "have has had get gets got getting please tell know need want any some there here about "
                        + "anyone someone something anything ok okay hi hello docent i'm i've i'd i'll we're we've "
                        + "you're don't can't isn't doesn't")
                .split(" ")) {
            words.add(w);
        }
        return CharArraySet.unmodifiableSet(words);
    }

    /** The question's content terms, stemmed, each once; empty when the question has none. */
    public Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return terms;
    }

    /**
     * The weighted share of the question's terms found among the passage's terms, from 0 to 1: the weights of the
     * terms found over the weights of all ({@link TermRarity}); 1 when the question has no content terms (then only
     * the similarity decides).
     */
    public static double share(Map<String, Double> weights, Set<String> passageTerms) {
        double all = 0;
        double found = 0;
        for (var term : weights.entrySet()) {
            all += term.getValue();
            if (passageTerms.contains(term.getKey())) {
                found += term.getValue();
            }
        }
        return all <= 0 ? 1 : found / all;
    }
}
