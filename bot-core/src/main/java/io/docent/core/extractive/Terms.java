package io.docent.core.extractive;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Turns text into the set of terms the extractive answerer compares: words lowercased in {@link Locale#ROOT} (a
 * Turkish default locale would otherwise turn "INSTALL" into "ınstall"), stop words and question words dropped, the
 * rest reduced to their Porter2 (Snowball English) stem so "passwords" meets "password" and "resetting" meets
 * "reset".
 *
 * <p>The stop list is longer than a search engine's: besides function words it holds the words every question is
 * made of ("how", "can", "need", "want", "please"). Those must not count as overlap, or any source would look like
 * it answers any question and the answerer could never say it found nothing. A stop word written in capitals in
 * mixed-case text is an acronym and kept: "US" is a country and "IT" a department.
 *
 * <p>Not thread-safe (the Snowball stemmer keeps state): make one per use.
 */
final class Terms {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    static final Set<String> STOP_WORDS = Set.of(
            // function words
            "a",
            "an",
            "the",
            "and",
            "or",
            "but",
            "nor",
            "if",
            "then",
            "else",
            "so",
            "than",
            "that",
            "this",
            "these",
            "those",
            "there",
            "here",
            "of",
            "in",
            "on",
            "at",
            "to",
            "from",
            "by",
            "for",
            "with",
            "without",
            "about",
            "into",
            "onto",
            "over",
            "under",
            "as",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "am",
            "it",
            "its",
            "it's",
            "i",
            "me",
            "my",
            "mine",
            "we",
            "us",
            "our",
            "you",
            "your",
            "yours",
            "he",
            "him",
            "his",
            "she",
            "her",
            "they",
            "them",
            "their",
            "not",
            "no",
            "yes",
            "all",
            "any",
            "some",
            "each",
            "every",
            "also",
            "just",
            "only",
            "very",
            "too",
            "more",
            "most",
            "other",
            "such",
            "same",
            "own",
            "up",
            "down",
            "out",
            "off",
            "again",
            "still",
            "via",
            "per",
            "etc",
            "eg",
            "ie",
            "one",
            // the words questions are made of
            "how",
            "what",
            "when",
            "where",
            "why",
            "who",
            "whom",
            "whose",
            "which",
            "do",
            "does",
            "did",
            "done",
            "doing",
            "can",
            "could",
            "should",
            "would",
            "will",
            "shall",
            "may",
            "might",
            "must",
            "have",
            "has",
            "had",
            "having",
            "get",
            "gets",
            "got",
            "need",
            "needs",
            "want",
            "wants",
            "like",
            "please",
            "tell",
            "know",
            "explain",
            "find",
            "there's",
            "what's",
            "how's",
            "i'm",
            "i've",
            "i'd",
            "can't",
            "don't",
            "doesn't");

    private final EnglishStemmer stemmer = new EnglishStemmer();

    /** The distinct stems of the meaningful words of {@code text}, in order of first appearance. */
    Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        boolean shouting = text.chars().noneMatch(Character::isLowerCase);
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            // "US" and "IT" are a country and a department, "us" and "it" are not; unless the whole text is in capitals
            boolean acronym =
                    !shouting && word.length() > 1 && m.group().chars().noneMatch(Character::isLowerCase);
            if (word.length() < 2 && !Character.isDigit(word.charAt(0)) || STOP_WORDS.contains(word) && !acronym) {
                continue;
            }
            int apostrophe = word.indexOf('\'');
            if (apostrophe > 0) {
                word = word.substring(0, apostrophe); // "employee's" -> "employee"
            }
            terms.add(stem(word));
        }
        return terms;
    }

    private String stem(String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
