package io.docent.core.lucene;

import java.util.Arrays;
import java.util.Random;

/** Pronounceable made-up words drawn with Zipf's law (s = 1), plus English stop words, like prose. */
final class SyntheticWords {
    private static final String[] STOP_WORDS = {"the", "of", "and", "to", "in", "is", "for", "with", "on", "as"};
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po", "li", "an", "er", "on", "ti", "qua", "sel", "mar",
        "ven", "dor", "pli", "gra", "tes", "col"
    };
    private final String[] vocabulary;
    private final double[] cumulative;

    SyntheticWords(Random random, int size) {
        vocabulary = new String[size];
        cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            vocabulary[i] = word.toString();
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
    }

    String phrase(Random random, int length) {
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                phrase.append(' ');
            }
            if (random.nextInt(4) == 0) {
                phrase.append(STOP_WORDS[random.nextInt(STOP_WORDS.length)]);
            } else {
                int index = Arrays.binarySearch(cumulative, random.nextDouble());
                phrase.append(vocabulary[Math.min(index < 0 ? -index - 1 : index, vocabulary.length - 1)]);
            }
        }
        return phrase.toString();
    }
}
