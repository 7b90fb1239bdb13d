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
 */
public final class AnsweredQuestions {

    public static final long DEFAULT_MAXIMUM_SIZE = 20_000;
    public static final Duration DEFAULT_TTL = Duration.ofDays(3);

    /** What a vote is about. */
    public record Entry(String question, String answer, List<String> sources) {
        public Entry {
            sources = List.copyOf(sources);
        }

        public static Entry of(String question, Answer answer) {
            return new Entry(
                    question,
                    answer.text(),
                    answer.citations().stream().map(Entry::source).toList());
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
