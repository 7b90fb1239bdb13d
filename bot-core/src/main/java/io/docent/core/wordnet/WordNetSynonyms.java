package io.docent.core.wordnet;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.docent.core.pipeline.Synonyms;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * {@link Synonyms} from Princeton WordNet 3.1 (extJWNL and its bundled data): for a word, every word of every sense
 * it has as a noun, verb, adjective or adverb (after WordNet's own base-form lookup: "married" is also "marry"), and
 * the words WordNet derives from it ("marry": "marriage"; "exam" is a synonym of "examination").
 *
 * <p>All senses, not the first few: a word's rare senses add synonyms that seldom occur in a company's documents,
 * while cutting senses at a fixed count was a choice with nothing to ground it (docs/benchmarks.md, "Synonyms in the
 * relevance gate"). What the gate does with a synonym is its business: it counts half a word.
 *
 * <p>The dictionary is read from the classpath once (about 0.6 s and 40 MB of heap); a lookup is a few
 * microseconds to a millisecond and is cached per word. extJWNL's dictionary is not documented as thread-safe, so
 * lookups are serialised; the cache in front keeps that off the common path.
 */
public final class WordNetSynonyms implements Synonyms {

    private static final int CACHED_WORDS = 20_000;
    private static final Object SHARED_LOCK = new Object();
    private static volatile WordNetSynonyms shared;

    private final Dictionary dictionary;
    private final LoadingCache<String, Set<String>> cache;

    private WordNetSynonyms(Dictionary dictionary) {
        this.dictionary = dictionary;
        this.cache = Caffeine.newBuilder().maximumSize(CACHED_WORDS).build(this::lookUp);
    }

    /**
     * The bundled WordNet, read on first use and shared by everything in this JVM.
     *
     * @throws IllegalStateException as {@link #load()}, at each call until a reading succeeds
     */
    public static WordNetSynonyms shared() {
        WordNetSynonyms read = shared;
        if (read == null) {
            synchronized (SHARED_LOCK) {
                read = shared;
                if (read == null) {
                    read = load();
                    shared = read;
                }
            }
        }
        return read;
    }

    /**
     * The shared WordNet, starting to read it now on a background thread: a service becomes ready without waiting
     * the second or so it takes, and the first question that needs a synonym waits for the rest of the reading (a
     * gate without its synonyms would decide differently from its fitted rule). A failure to read it surfaces at
     * that first question, as the {@link IllegalStateException} of {@link #load()}.
     */
    public static Synonyms readingInBackground() {
        if (shared == null) {
            Thread.ofPlatform().daemon().name("docent-wordnet").start(() -> {
                try {
                    shared();
                } catch (RuntimeException e) {
                    // reported again, to the caller, by the first lookup
                }
            });
        }
        return word -> shared().of(word);
    }

    /**
     * Reads the bundled WordNet.
     *
     * @throws IllegalStateException when the WordNet data is not on the classpath or cannot be read
     */
    public static WordNetSynonyms load() {
        try {
            return new WordNetSynonyms(Dictionary.getDefaultResourceInstance());
        } catch (JWNLException | RuntimeException e) {
            throw new IllegalStateException("cannot read the bundled WordNet dictionary: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> of(String word) {
        String w = word.toLowerCase(Locale.ROOT).strip();
        if (w.isEmpty() || w.length() > 40) {
            return Set.of();
        }
        return cache.get(w);
    }

    private Set<String> lookUp(String word) {
        Set<String> words = new TreeSet<>();
        synchronized (dictionary) {
            try {
                for (IndexWord entry : dictionary.lookupAllIndexWords(word).getIndexWordArray()) {
                    for (Synset sense : entry.getSenses()) {
                        for (Word member : sense.getWords()) {
                            add(words, member.getLemma());
                            if (member.getLemma().equalsIgnoreCase(entry.getLemma())) {
                                addDerived(words, member);
                            }
                        }
                    }
                }
            } catch (JWNLException e) {
                throw new IllegalStateException("cannot read the bundled WordNet dictionary: " + e.getMessage(), e);
            }
        }
        words.remove(word);
        return Set.copyOf(words);
    }

    private static void addDerived(Set<String> words, Word member) throws JWNLException {
        for (Pointer pointer : member.getPointers(PointerType.DERIVATION)) {
            if (pointer.getTarget() instanceof Word derived) {
                add(words, derived.getLemma());
            }
        }
    }

    private static void add(Set<String> words, String lemma) {
        if (lemma.indexOf(' ') < 0 && lemma.indexOf('_') < 0) {
            words.add(lemma.toLowerCase(Locale.ROOT));
        }
    }
}
