package io.docent.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *
 * <p>Two refinements, each measured on three question sets held out in turn (docs/benchmarks.md, "Synonyms in the
 * relevance gate"): words that only name the kind of answer ({@link AnswerKindWords}: "how many <em>days</em>", "the
 * <em>maximum</em>") and plain numbers ("30,000" is also written "30k") weigh nothing, since a passage states them as a
 * value; and a word the passage lacks counts for {@link #SYNONYM_CREDIT} of its weight when the passage holds one of
 * its {@link Synonyms} ("exam" asked, "examination" written). Both raise the answerable questions a word-for-word count
 * underrated, which lets the fitted rule refuse more of the questions no page answers.
 *
 * <p>Thread-safe: Lucene analyzers reuse their token streams per thread.
 */
public final class QueryCoverage {

    /** Words that carry the question's form rather than its subject; English stop words are dropped as well. */
    private static final CharArraySet QUESTION_WORDS = stopWords();

    /** How much of its weight a question word counts for when the passage holds only a synonym of it. */
    public static final double SYNONYM_CREDIT = 0.5;

    private static final Pattern NUMBER = Pattern.compile("[\\d.,]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private final Analyzer analyzer = new EnglishAnalyzer(QUESTION_WORDS);
    private final Set<String> answerKindTerms = terms(String.join(" ", AnswerKindWords.WORDS));

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
     * The weights of the question's subject: those of words that only name the kind of answer, and of plain numbers,
     * set to 0; unchanged when nothing else is left ("what is the deadline?").
     */
    public Map<String, Double> subjectWeights(Map<String, Double> weights) {
        Map<String, Double> subject = new LinkedHashMap<>(weights);
        boolean anySubject = false;
        for (var term : weights.keySet()) {
            if (answerKindTerms.contains(term) || NUMBER.matcher(term).matches()) {
                subject.put(term, 0.0);
            } else {
                anySubject = true;
            }
        }
        return anySubject ? subject : weights;
    }

    /** For each content term of the text, the first word of the text that gives it, as written. */
    public Map<String, String> words(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        wordsByTerm(text).forEach((term, words) -> out.put(term, words.getFirst()));
        return out;
    }

    /** For each content term of the text, the stems of its words' synonyms (without the term itself). */
    public Map<String, Set<String>> synonyms(String text, Synonyms synonyms) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        wordsByTerm(text).forEach((term, words) -> {
            Set<String> stems = new LinkedHashSet<>();
            words.forEach(word -> synonyms.of(word).forEach(synonym -> stems.addAll(terms(synonym))));
            stems.remove(term);
            out.put(term, stems);
        });
        return out;
    }

    /** Each content term of the text with the words that give it, as written, in the text's order. */
    private Map<String, List<String>> wordsByTerm(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            Set<String> stem = terms(words.group());
            if (stem.size() == 1) { // not a stop word or question word
                List<String> written = out.computeIfAbsent(stem.iterator().next(), t -> new ArrayList<>());
                if (!written.contains(words.group())) {
                    written.add(words.group());
                }
            }
        }
        return out;
    }

    /**
     * The weighted share of the question's terms found among the passage's terms, from 0 to 1: the weights of the
     * terms found over the weights of all ({@link TermRarity}); 1 when the question has no content terms (then only
     * the similarity decides).
     */
    public static double share(Map<String, Double> weights, Set<String> passageTerms) {
        return share(weights, Map.of(), passageTerms);
    }

    /**
     * As {@link #share(Map, Set)}, a term the passage lacks counting for {@link #SYNONYM_CREDIT} of its weight when
     * the passage holds one of its {@code synonyms} (stems, per term).
     */
    public static double share(
            Map<String, Double> weights, Map<String, Set<String>> synonyms, Set<String> passageTerms) {
        return match(weights, synonyms, passageTerms).share();
    }

    /**
     * How a passage's terms meet a question's.
     *
     * @param share the weighted share, as {@link #share(Map, Map, Set)}
     * @param bySynonym the question's terms the passage holds only a synonym of
     * @param missing the question's weighing terms the passage lacks altogether
     */
    public record Match(double share, List<String> bySynonym, List<String> missing) {
        public Match {
            bySynonym = List.copyOf(bySynonym);
            missing = List.copyOf(missing);
        }
    }

    /** The share and which of the question's terms the passage holds only as a synonym, or lacks. */
    public static Match match(
            Map<String, Double> weights, Map<String, Set<String>> synonyms, Set<String> passageTerms) {
        double all = 0;
        double found = 0;
        List<String> bySynonym = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (var term : weights.entrySet()) {
            all += term.getValue();
            if (passageTerms.contains(term.getKey())) {
                found += term.getValue();
            } else if (synonyms.getOrDefault(term.getKey(), Set.of()).stream().anyMatch(passageTerms::contains)) {
                found += SYNONYM_CREDIT * term.getValue();
                bySynonym.add(term.getKey());
            } else if (term.getValue() > 0) {
                missing.add(term.getKey());
            }
        }
        return new Match(all <= 0 ? 1 : found / all, bySynonym, missing);
    }
}
