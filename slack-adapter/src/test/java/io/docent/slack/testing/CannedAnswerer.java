package io.docent.slack.testing;

import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.Answerer;
import io.docent.core.Citation;
import io.docent.core.Question;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core, as far as the adapter can tell: canned answers, and a record of the questions asked. Like the pipeline
 * with a language model, it can write an answer gradually ({@link #writeGradually}): its text, word by word, to the
 * {@link AnswerProgress}, one word every so often after a first delay, before returning the whole answer.
 */
public final class CannedAnswerer implements Answerer {

    public static final Answer HOLIDAYS = new Answer(
            "You get **25 days** of paid holiday a year [1]. See the [policy](https://wiki.example.com/holidays).",
            List.of(new Citation(1, "Holiday policy", "https://wiki.example.com/holidays", "25 days")),
            Answer.Status.ANSWERED,
            "holidays",
            List.of(),
            Map.of());

    private static final Pattern WORD = Pattern.compile("\\s*\\S+");

    private final List<Question> questions = new CopyOnWriteArrayList<>();
    private volatile Function<Question, Answer> behaviour = q -> HOLIDAYS;
    private volatile Duration delay = Duration.ZERO;
    private volatile Writing writing;
    private volatile long firstWrittenNanos;
    private volatile long answeredNanos;

    /** How an answer is written: after {@code firstWords}, a word every {@code perWord}; {@code text} or the answer's. */
    private record Writing(Duration firstWords, Duration perWord, String text) {}

    public void answerWith(Function<Question, Answer> behaviour) {
        this.behaviour = behaviour;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    /**
     * Writes each answer gradually: the answer's own text, a word (with the spaces before it) every {@code perWord},
     * the first after {@code firstWords}; then returns the answer. {@code null} turns it off.
     */
    public void writeGradually(Duration firstWords, Duration perWord) {
        this.writing = firstWords == null ? null : new Writing(firstWords, perWord, null);
    }

    /** As {@link #writeGradually(Duration, Duration)}, writing {@code text} instead of the answer's own text. */
    public void writeGradually(String text, Duration firstWords, Duration perWord) {
        this.writing = new Writing(firstWords, perWord, text);
    }

    /** {@link System#nanoTime()} when the last answer's first words were written (0 before any). */
    public long firstWrittenNanos() {
        return firstWrittenNanos;
    }

    /** {@link System#nanoTime()} when the last answer was returned (0 before any). */
    public long answeredNanos() {
        return answeredNanos;
    }

    public List<Question> questions() {
        return List.copyOf(questions);
    }

    @Override
    public Answer answer(Question question) {
        return answer(question, AnswerProgress.NONE);
    }

    @Override
    public Answer answer(Question question, AnswerProgress progress) {
        questions.add(question);
        sleep(delay);
        Writing w = writing;
        if (w == null) {
            return answered(behaviour.apply(question));
        }
        sleep(w.firstWords());
        String text = w.text() != null ? w.text() : behaviour.apply(question).text();
        Matcher word = WORD.matcher(text);
        boolean first = true;
        while (word.find()) {
            if (first) {
                firstWrittenNanos = System.nanoTime();
                first = false;
            } else {
                sleep(w.perWord());
            }
            progress.written(text.substring(0, word.end()));
        }
        return answered(behaviour.apply(question));
    }

    private Answer answered(Answer answer) {
        answeredNanos = System.nanoTime();
        return answer;
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
