package io.docent.core.feedback;

import io.docent.core.Answer;
import io.docent.core.Citation;
import java.util.List;
import java.util.Objects;

/**
 * What one answer message showed, remembered under the id its feedback buttons carry, so that a vote can be recorded
 * with its question, answer and sources. It holds exactly what that message showed and where: a channel answer and
 * the fuller answer sent privately to its asker are two messages under two ids.
 *
 * @param question the question as asked
 * @param answer the answer's text as shown
 * @param sources the cited (or closest) sources, URLs or titles where a source has none, in citation order
 * @param place the conversation the message was shown in (a Slack channel, a Teams conversation)
 * @param onlyFor the one person who saw it (a private answer shown in a shared conversation), or {@code ""} when
 *     everyone in {@code place} did
 */
public record AnsweredMessage(String question, String answer, List<String> sources, String place, String onlyFor) {

    public AnsweredMessage {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        sources = List.copyOf(sources);
        Objects.requireNonNull(place, "place");
        onlyFor = onlyFor == null ? "" : onlyFor;
    }

    /** An answer shown to everyone in {@code place}. */
    public static AnsweredMessage of(String question, Answer answer, String place) {
        return new AnsweredMessage(
                question,
                answer.text(),
                answer.citations().stream().map(AnsweredMessage::source).toList(),
                place,
                "");
    }

    /** An answer shown in {@code place} to {@code user} alone. */
    public static AnsweredMessage privateTo(String user, String question, Answer answer, String place) {
        AnsweredMessage shown = of(question, answer, place);
        return new AnsweredMessage(shown.question(), shown.answer(), shown.sources(), place, user);
    }

    /**
     * Whether a vote by {@code user} from {@code place} is on what that voter saw: a private answer's one reader,
     * wherever the click comes from (an ephemeral message or a direct message); anyone in the place a shared answer
     * was shown in. A vote from anyone else never brings the message's text out.
     */
    public boolean seenBy(String user, String place) {
        return onlyFor.isEmpty() ? this.place.equals(place) : onlyFor.equals(user);
    }

    private static String source(Citation c) {
        return c.url().isBlank() ? c.title() : c.url();
    }
}
