package io.docent.app.cli;

import io.docent.app.DocentStack;
import io.docent.app.Main;
import io.docent.core.Answer;
import io.docent.core.Asker;
import io.docent.core.Question;
import io.docent.core.Scope;
import io.docent.core.Turn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A conversation in the terminal. Every question carries the conversation so far, so follow-ups work ("and for
 * contractors?"). The assistant's turns are kept without their source lists, as the chat adapters do. It asks as
 * administrator (every document, permissions not applied), and says so on stderr.
 */
@Command(
        name = "chat",
        description = "A conversation in the terminal; follow-up questions use the history. Type 'exit' to leave.",
        mixinStandardHelpOptions = true)
public final class ChatCommand implements Callable<Integer> {

    private static final Set<String> EXIT = Set.of("exit", "quit", ":q", "/exit", "/quit");

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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = System.console() != null;
        try (DocentStack stack = stackOptions.openForQuestions(main.settings(), err)) {
            var in = new BufferedReader(new InputStreamReader(main.stdin(), Charset.defaultCharset()));
            List<Turn> history = new ArrayList<>();
            err.println(AnswerPrinter.AS_ADMINISTRATOR);
            err.flush();
            if (interactive) {
                out.println("Ask a question about your documents. Follow-ups use the conversation. 'exit' to leave.");
            }
            while (true) {
                if (interactive) {
                    out.print("\nyou> ");
                    out.flush();
                }
                String line = in.readLine();
                if (line == null || EXIT.contains(line.strip().toLowerCase(java.util.Locale.ROOT))) {
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                AskCommand.warnIfCut(line, stack.normalizer().maxChars(), err);
                Answer answer = TerminalAnswer.ask(
                        stack.pipeline(),
                        new Question(line, history, Scope.ALL, Asker.ADMINISTRATOR),
                        interactive ? "\ndocent> " : "",
                        out);
                AnswerPrinter.printAfterText(answer, explain, stack.gate(), out);
                if (answer.belongsInHistory()) {
                    history.add(Turn.user(line));
                    history.add(Turn.assistant(answer.text()));
                }
            }
        }
    }
}
