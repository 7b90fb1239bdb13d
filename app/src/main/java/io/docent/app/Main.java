package io.docent.app;

import io.docent.app.cli.AskCommand;
import io.docent.app.cli.ChatCommand;
import io.docent.app.cli.DoctorCommand;
import io.docent.app.cli.EvalCommand;
import io.docent.app.cli.FeedbackCommand;
import io.docent.app.cli.IndexCommand;
import io.docent.app.cli.ServeCommand;
import io.docent.app.config.ConfigException;
import io.docent.app.config.LogConfig;
import io.docent.app.config.Problems;
import io.docent.app.config.Settings;
import io.docent.app.logging.LogConfigurator;
import io.docent.core.DocentException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code docent} command. Exit codes: 0 done, 1 done with failures, 2 bad usage or configuration, 3 refused. */
@Command(
        name = "docent",
        mixinStandardHelpOptions = true,
        version = "docent 0.1.0",
        description = "Answers questions from your company's documents, with citations.",
        subcommands = {
            AskCommand.class,
            ChatCommand.class,
            IndexCommand.class,
            EvalCommand.class,
            DoctorCommand.class,
            FeedbackCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    public static final int EXIT_FAILURES = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_REFUSED = 3;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Lucene logs through java.util.logging; its start-up notes are not for users of the command line. Without the
    // Vector API (./docent leaves it off for a single question) it would warn on every start. JUL holds loggers
    // weakly, so the configured ones are kept here.
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");
    private static final java.util.logging.Logger LUCENE_VECTORIZATION_LOG =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    private final Map<String, String> env;
    private final InputStream in;

    private Main(Map<String, String> env, InputStream in) {
        this.env = Map.copyOf(env);
        this.in = in;
    }

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
        LUCENE_VECTORIZATION_LOG.setLevel(java.util.logging.Level.SEVERE);
        var out = new PrintWriter(System.out, true);
        var err = new PrintWriter(System.err, true);
        Map<String, String> env = System.getenv();
        applyLogSettings(env);
        System.exit(run(args, env, System.in, out, err));
    }

    /**
     * Logging started with its defaults, before anything was read: now it follows the operator's settings. A wrong
     * logging setting keeps its default here; {@code docent serve} refuses it at start-up, and a wrong configuration
     * file is reported by the command, which reads it again.
     */
    private static void applyLogSettings(Map<String, String> env) {
        try {
            LogConfigurator.apply(LogConfig.read(Settings.load(env), new Problems()));
        } catch (ConfigException e) {
            // reported by the command
        }
    }

    /** Runs the command line with the given environment and streams (tests call this). */
    public static int run(String[] args, Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main(env, in));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("docent: " + describe(e));
            return switch (e) {
                case ConfigException c -> EXIT_USAGE;
                case DocentException.InvalidInput i -> EXIT_USAGE;
                case DocentException.IndexUnavailable i -> EXIT_REFUSED;
                default -> EXIT_FAILURES;
            };
        });
        return cli.execute(args);
    }

    private static String describe(Exception e) {
        if (e instanceof DocentException) {
            return e.getMessage();
        }
        // Not ours: say what it was without a stack trace; the cause chain's messages usually name the problem.
        StringBuilder sb = new StringBuilder("unexpected error: ").append(e);
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("\n  caused by: ").append(c);
        }
        return sb.toString();
    }

    /** The settings every subcommand reads: this process's environment plus the optional properties file. */
    public Settings settings() {
        return Settings.load(env);
    }

    /** Standard input, for the interactive commands. */
    public InputStream stdin() {
        return in;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
