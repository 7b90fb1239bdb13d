package io.docent.app.cli;

import io.docent.app.Main;
import io.docent.app.config.Settings;
import io.docent.app.serve.DocentService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Runs Docent as a service until stopped (SIGTERM or Ctrl-C): the HTTP server on {@code DOCENT_PORT} with the
 * platform endpoints that are configured, {@code /healthz}, {@code /readyz} and {@code /metrics}. Every wrong
 * setting is reported at once before anything starts (exit code 2). Shutdown stops taking questions, lets those in
 * flight finish within {@code DOCENT_SHUTDOWN_GRACE} seconds, then closes the index cleanly.
 */
@Command(
        name = "serve",
        description = "Runs the service: Slack, Teams, the web chat, health, readiness and metrics endpoints.",
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
        var stopped = new CountDownLatch(1);
        var closed = new CountDownLatch(1);
        DocentService service =
                DocentService.start(settings, config -> stackOptions.openForQuestions(settings, config, err), err);
        try {
            // The JVM halts when its shutdown hooks return: this one waits until the service has closed below.
            Thread hook = new Thread(
                    () -> {
                        stopped.countDown();
                        awaitQuietly(closed);
                    },
                    "docent-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            stopped.await();
        } finally {
            service.close();
            closed.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.MINUTES); // DocentService.close bounds its own wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
