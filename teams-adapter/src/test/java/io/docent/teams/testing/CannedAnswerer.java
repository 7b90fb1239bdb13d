package io.docent.teams.testing;

import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.Citation;
import io.docent.core.Question;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An {@link Answerer} that returns canned answers and remembers the questions it was asked. */
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

    public List<Question> questions() {
        return questions;
    }

    @Override
    public Answer answer(Question question) {
        questions.add(question);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return reply.apply(question);
    }
}
