package io.docent.app.cli;

import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.Answerer;
import io.docent.core.Question;
import java.io.PrintWriter;

/**
 * One answer printed to a terminal as a language model writes it ({@code docent ask} and {@code docent chat} with a
 * model configured): each {@link #written} prints what the text adds to what is already shown, then {@link #finish}
 * prints the rest of the final text. The extractive default writes nothing gradually, so its answer is printed whole
 * at the end, as before.
 *
 * <p>A terminal cannot take back what it printed. When the final answer does not continue the text shown (the model
 * ended in "not in the sources", or its content filter refused; see {@link AnswerProgress}), the final answer is
 * printed after a line that says the text above was withdrawn, so nobody takes the withdrawn words for the answer.
 */
final class TerminalAnswer implements AnswerProgress {

    static final String WITHDRAWN = "[The text above was withdrawn. The answer:]";

    private final PrintWriter out;
    private final String prefix;
    private String shown = "";
    private boolean started;

    /**
     * @param prefix printed once before the answer's first words (the chat's "docent> ")
     */
    private TerminalAnswer(PrintWriter out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    /** Asks {@code answerer} and prints the answer's text as it comes; returns the final answer, text not yet ended. */
    static Answer ask(Answerer answerer, Question question, String prefix, PrintWriter out) {
        var terminal = new TerminalAnswer(out, prefix);
        Answer answer = answerer.answer(question, terminal);
        terminal.finish(answer);
        return answer;
    }

    @Override
    public synchronized void written(String textSoFar) {
        if (textSoFar.length() <= shown.length() || !textSoFar.startsWith(shown)) {
            return; // the contract says this does not happen; never print a text that does not continue
        }
        start();
        out.print(textSoFar.substring(shown.length()));
        out.flush();
        shown = textSoFar;
    }

    /** Prints what the final text adds to what was shown, or the whole of it after a "withdrawn" line; then a newline. */
    synchronized void finish(Answer answer) {
        String text = answer.text();
        start();
        if (text.startsWith(shown)) {
            out.println(text.substring(shown.length()));
        } else {
            out.println();
            out.println(WITHDRAWN);
            out.println(text);
        }
        out.flush();
    }

    private void start() {
        if (!started) {
            out.print(prefix);
            started = true;
        }
    }
}
