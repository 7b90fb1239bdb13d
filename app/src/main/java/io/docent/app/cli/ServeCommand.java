package io.docent.app.cli;

import io.docent.app.DocentStack;
import io.docent.app.Main;
import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import io.docent.app.serve.SlackWiring;
import io.docent.app.serve.TeamsWiring;
import io.docent.app.web.WebChat;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Runs Docent as a service until stopped (SIGTERM or Ctrl-C): the HTTP server on {@code DOCENT_PORT} with the
 * platform endpoints that are configured. Shutdown stops taking requests, then closes the index cleanly.
 */
@Command(
        name = "serve",
        description = "Runs the service: Slack, Teams, the web chat and health endpoints.",
        mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    StackOptions stackOptions;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = main.settings();
        TeamsWiring teams = TeamsWiring.from(settings);
        WebChat web = WebChat.from(settings);
        String host = teams.bindHost(settings.get("DOCENT_BIND", "0.0.0.0"));
        int port = settings.getInt("DOCENT_PORT", 8080, 0, 65_535);
        var stopped = new CountDownLatch(1);
        var closed = new CountDownLatch(1);
        try (DocentStack stack = stackOptions.openForQuestions(settings, err);
                teams) {
            DocentServer server = DocentServer.bind(host, port);
            SlackWiring slack = SlackWiring.start(settings, stack.pipeline(), stack.home(), server, err);
            teams.mount(server, stack.pipeline());
            web.mount(server, stack.pipeline());
            // The JVM halts when its shutdown hooks return: this one waits until the index is closed below.
            Thread hook = new Thread(
                    () -> {
                        server.close();
                        stopped.countDown();
                        awaitQuietly(closed);
                    },
                    "docent-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            server.start();
            err.println("docent: serving on http://" + host + ":" + server.port() + " (health: /healthz)");
            err.flush();
            stopped.await();
            slack.close();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
