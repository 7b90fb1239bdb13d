package io.docent.app.cli;

import io.docent.app.DocentStack;
import io.docent.app.Main;
import io.docent.core.Answer;
import io.docent.core.Question;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "ask",
        description = "Answers one question from the indexed documents, with numbered sources, as administrator"
                + " (every document, permissions not applied).",
        mixinStandardHelpOptions = true)
public final class AskCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question (quote it, or not).")
    List<String> words;

    @Option(
            names = "--json",
            description =
                    "Print one JSON object: text, status, standaloneQuery, inHistory, citations, timings (as POST /api/chat).")
    boolean json;

    @Option(
            names = "--explain",
            description = "Also show the retrieved passages with their scores and how the relevance gate saw each.")
    boolean explain;

    @Mixin
    StackOptions stackOptions;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String question = words == null ? "" : String.join(" ", words).strip();
        if (question.isEmpty()) {
            err.println("docent ask: the question is empty");
            spec.commandLine().usage(err);
            return Main.EXIT_USAGE;
        }
        try (DocentStack stack = stackOptions.openForQuestions(main.settings(), err)) {
            warnIfCut(question, stack.normalizer().maxChars(), err);
            err.println(AnswerPrinter.AS_ADMINISTRATOR);
            err.flush();
            Answer answer;
            if (json) {
                answer = stack.pipeline().answer(Question.fromAdministrator(question));
                AnswerPrinter.printJson(answer, explain, out);
            } else {
                // a language model's answer appears as it is written; the extractive one whole, as before
                answer = TerminalAnswer.ask(stack.pipeline(), Question.fromAdministrator(question), "", out);
                AnswerPrinter.printAfterText(answer, explain, stack.gate(), out);
            }
            return answer.status() == Answer.Status.FAILED || answer.status() == Answer.Status.BUSY
                    ? Main.EXIT_FAILURES
                    : 0;
        }
    }

    static void warnIfCut(String question, int maxChars, PrintWriter err) {
        if (question.length() > maxChars) {
            err.printf(
                    "docent: warning: the question has %,d characters; only about the first %,d are used.%n",
                    question.length(), maxChars);
        }
    }
}
