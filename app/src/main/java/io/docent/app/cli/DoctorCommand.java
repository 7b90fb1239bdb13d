package io.docent.app.cli;

import io.docent.app.Main;
import io.docent.app.config.BackendConfig;
import io.docent.app.config.Settings;
import io.docent.core.azure.AzureDoctor;
import io.docent.core.doctor.Doctor;
import io.docent.core.doctor.Finding;
import io.docent.core.doctor.HealthCheck;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Checks every configured backend (reachability, credentials, index schema, model deployments), the directory
 * (who may read what) and the Redis the replicas share, and prints what is wrong and how to fix it. Changes nothing. Exit codes: 0 healthy (warnings allowed), 1 a problem was found, 2 a
 * setting is malformed.
 */
@Command(
        name = "doctor",
        description = "Checks the configured backends and says what is wrong and how to fix it. Changes nothing.",
        mixinStandardHelpOptions = true)
public final class DoctorCommand implements Callable<Integer> {

    @Option(
            names = "--embedding-model",
            paramLabel = "NAME",
            description = "The embedding model the index should have been built with (default: the configured one).")
    String embeddingModel;

    @Option(names = "--dimensions", paramLabel = "N", description = "That model's vector length.")
    int dimensions;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = main.settings();
        BackendConfig backends = BackendConfig.read(settings);
        List<HealthCheck> checks = new ArrayList<>(
                AzureDoctor.checks(backends.openAi(), backends.azureSearch(), embeddingModel, dimensions));
        if (checks.isEmpty()) {
            out.println("No Azure or OpenAI-compatible backend is configured: Docent uses its embedded defaults"
                    + " (the Lucene index on disk, the bundled embedding model, the extractive answerer).");
        }
        checks.add(new DirectoryCheck(settings));
        checks.add(new RedisCheck(settings));
        List<Finding> findings = new Doctor(checks).examine();
        findings.forEach(f -> out.println(f.format()));
        boolean healthy = Doctor.healthy(findings);
        out.println(healthy ? "No problems found." : "Problems found: fix them as described above.");
        return healthy ? 0 : Main.EXIT_FAILURES;
    }
}
