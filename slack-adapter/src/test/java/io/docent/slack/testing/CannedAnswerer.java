package io.docent.slack.testing;

import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.Citation;
import io.docent.core.Question;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The core, as far as the adapter can tell: canned answers, and a record of the questions asked. */
public final class CannedAnswerer implements Answerer {

    public static final Answer HOLIDAYS = new Answer(
            "You get **25 days** of paid holiday a year [1]. See the [policy](https://wiki.example.com/holidays).",
            List.of(new Citation(1, "Holiday policy", "https://wiki.example.com/holidays", "25 days")),
            Answer.Status.ANSWERED,
            "holidays",
            List.of(),
            Map.of());

    private final List<Question> questions = new CopyOnWriteArrayList<>();
    private volatile Function<Question, Answer> behaviour = q -> HOLIDAYS;
    private volatile Duration delay = Duration.ZERO;

    public void answerWith(Function<Question, Answer> behaviour) {
        this.behaviour = behaviour;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public List<Question> questions() {
        return List.copyOf(questions);
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
        return behaviour.apply(question);
    }
}
