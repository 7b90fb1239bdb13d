package io.docent.teams.testing;

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

/**
 * An {@link Answerer} that returns canned answers and remembers the questions it was asked. With {@link #writing} it
 * also writes its answer as a language model would: after a first delay, growing prefixes of the text at a steady
 * pace, passed to the {@link AnswerProgress} as the answer pipeline does.
 */
public final class CannedAnswerer implements Answerer {

    public static final Citation VPN = new Citation(
            1,
            "VPN access [IT]",
            "https://wiki.example.com/it/vpn (new)",
            "Request VPN access in the IT portal; your manager approves it.");
    public static final Citation CONTRACTORS =
            new Citation(2, "Contractor onboarding", "/exports/hr/contractors.html", "Contractors get VPN via HR.");

    private final List<Question> questions = new CopyOnWriteArrayList<>();
    private volatile Function<Question, Answer> reply = CannedAnswerer::cited;
    private volatile Duration delay = Duration.ZERO;
    private volatile Writing writing;
    private final List<Long> writtenAtNanos = new CopyOnWriteArrayList<>();

    /** How the text is written: {@code pieces} prefixes of {@code text}, the first after {@code first}. */
    private record Writing(Duration first, int pieces, Duration between, Function<Answer, String> text) {}

    public static Answer cited(Question question) {
        return new Answer(
                "You request it in the IT portal [1]; contractors go through HR [2]. (asked: " + question.text() + ")",
                List.of(VPN, CONTRACTORS),
                Answer.Status.ANSWERED,
                question.text(),
                List.of(),
                Map.of());
    }

    public CannedAnswerer replying(Function<Question, Answer> reply) {
        this.reply = reply;
        return this;
    }

    public CannedAnswerer taking(Duration delay) {
        this.delay = delay;
        return this;
    }

    /**
     * Writes each answer's text before returning it: after {@code first}, {@code pieces} growing prefixes, one every
     * {@code between} (20 pieces 50 ms apart: a model writing 20 tokens a second).
     */
    public CannedAnswerer writing(Duration first, int pieces, Duration between) {
        return writing(first, pieces, between, Answer::text);
    }

    /** As {@link #writing(Duration, int, Duration)}, writing {@code text} of the answer (say, only its first half). */
    public CannedAnswerer writing(Duration first, int pieces, Duration between, Function<Answer, String> text) {
        this.writing = new Writing(first, pieces, between, text);
        return this;
    }

    /** When each {@code written} call was made ({@link System#nanoTime()}), in order, across all answers. */
    public List<Long> writtenAtNanos() {
        return writtenAtNanos;
    }

    public List<Question> questions() {
        return questions;
    }

    @Override
    public Answer answer(Question question) {
        questions.add(question);
        sleep(delay);
        return reply.apply(question);
    }

    @Override
    public Answer answer(Question question, AnswerProgress progress) {
        Writing how = writing;
        if (how == null) {
            return answer(question);
        }
        questions.add(question);
        Answer answer = reply.apply(question);
        String text = how.text().apply(answer);
        if (how.pieces() > 0) {
            progress.writing(); // as the pipeline does for a language model
        }
        sleep(how.first());
        for (int i = 1; i <= how.pieces(); i++) {
            if (i > 1) {
                sleep(how.between());
            }
            writtenAtNanos.add(System.nanoTime());
            progress.written(text.substring(0, text.length() * i / how.pieces()));
        }
        sleep(delay);
        return answer;
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
