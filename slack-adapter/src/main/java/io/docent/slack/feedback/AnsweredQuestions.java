package io.docent.slack.feedback;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.Answer;
import io.docent.core.Citation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Recent answers by the id their feedback buttons carry. A button's value holds at most 2,000 characters, too few
 * for a question, an answer and its sources, so the buttons carry an id and the text stays here, bounded. A vote
 * on an answer older than this memory (or from before a restart) is still recorded, with the answer's text from the
 * message itself and without the question.
 *
 * <p>Each entry holds exactly what its message showed, and nothing of another: a channel answer and the fuller
 * answer sent privately to its asker are two entries under two ids. A private answer's entry names the one person
 * who saw it ({@link Entry#onlyFor()}), so a vote carrying its id from anyone else never brings its text out.
 */
public final class AnsweredQuestions {

    public static final long DEFAULT_MAXIMUM_SIZE = 20_000;
    public static final Duration DEFAULT_TTL = Duration.ofDays(3);

    /**
     * What a vote is about.
     *
     * @param onlyFor the user id of the one person who saw the answer (a private answer), or {@code ""} when everyone
     *     in the conversation did
     */
    public record Entry(String question, String answer, List<String> sources, String onlyFor) {
        public Entry {
            sources = List.copyOf(sources);
            onlyFor = onlyFor == null ? "" : onlyFor;
        }

        public Entry(String question, String answer, List<String> sources) {
            this(question, answer, sources, "");
        }

        /** An answer shown in a conversation: its text and its cited (or closest) sources. */
        public static Entry of(String question, Answer answer) {
            return new Entry(
                    question,
                    answer.text(),
                    answer.citations().stream().map(Entry::source).toList());
        }

        /** An answer shown to {@code user} alone. */
        public static Entry privateTo(String user, String question, Answer answer) {
            Entry shown = of(question, answer);
            return new Entry(shown.question(), shown.answer(), shown.sources(), user);
        }

        /** Whether {@code user} saw this answer. */
        public boolean shownTo(String user) {
            return onlyFor.isEmpty() || onlyFor.equals(user);
        }

        private static String source(Citation c) {
            return c.url().isBlank() ? c.title() : c.url();
        }
    }

    private final Cache<String, Entry> entries;

    public AnsweredQuestions(Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(DEFAULT_MAXIMUM_SIZE)
                .expireAfterWrite(DEFAULT_TTL)
                .ticker(ticker)
                .build();
    }

    public void put(String answerId, Entry entry) {
        entries.put(answerId, entry);
    }

    public Optional<Entry> get(String answerId) {
        return Optional.ofNullable(entries.getIfPresent(answerId));
    }
}
