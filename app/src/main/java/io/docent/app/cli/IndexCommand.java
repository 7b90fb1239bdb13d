package io.docent.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.docent.app.DocentStack;
import io.docent.app.Main;
import io.docent.indexer.files.FolderReader;
import io.docent.indexer.sync.SourceSync;
import io.docent.indexer.sync.SyncResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Syncs one named source with a folder: new and changed documents indexed, unchanged ones skipped, removed ones
 * deleted (within the mass-delete guard). Exit codes: 0 done, 1 done with failed files, 2 bad usage, 3 refused.
 */
@Command(
        name = "index",
        description = "Indexes a folder of Markdown, HTML (Confluence HTML exports too) and text files as one source.",
        mixinStandardHelpOptions = true)
public final class IndexCommand implements Callable<Integer> {

    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Option(
            names = "--source",
            required = true,
            paramLabel = "NAME",
            description = "The source's name, e.g. confluence-eng.")
    String source;

    @Parameters(index = "0", paramLabel = "PATH", description = "The folder to index.")
    Path path;

    @Option(names = "--base-url", paramLabel = "URL", description = "Citations link to URL + the file's relative path.")
    String baseUrl;

    @Option(names = "--allow-mass-delete", description = "Allow deleting more than 20% of the source's documents.")
    boolean allowMassDelete;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Write a JSON report with every failure and its reason.")
    Path report;

    @Option(
            names = "--rebuild",
            description = "Start from an empty index (for a corrupt index or another embedding model); other sources"
                    + " must then be indexed again.")
    boolean rebuild;

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
        if (!SOURCE_NAME.matcher(source).matches()) {
            err.println("docent index: --source must be 1-64 letters, digits, '.', '_' or '-', starting with a letter"
                    + " or digit");
            return Main.EXIT_USAGE;
        }
        if (!Files.isDirectory(path)) {
            err.println("docent index: " + path + " is not a folder; nothing was changed in the index");
            return Main.EXIT_USAGE;
        }
        FolderReader reader = FolderReader.builder(path).baseUrl(baseUrl).build();
        SyncResult result;
        if (rebuild) {
            err.println("docent index: --rebuild: starting from an empty index; index your other sources again");
        }
        try (DocentStack stack =
                rebuild ? stackOptions.openEmpty(main.settings()) : stackOptions.open(main.settings())) {
            var progress = new ProgressBar(err, "documents");
            result = SourceSync.builder(stack.index(), stack.embedder())
                    .allowMassDelete(allowMassDelete)
                    .build()
                    .run(source, reader, progress::update);
            progress.done();
        }
        out.println(result.summary());
        result.failed().forEach(p -> err.println("  failed: " + p.path() + ": " + p.reason()));
        result.warnings().forEach(p -> err.println("  warning: " + p.path() + ": " + p.reason()));
        if (report != null) {
            writeReport(result);
        }
        return switch (result.status()) {
            case DONE -> 0;
            case DONE_WITH_FAILURES -> Main.EXIT_FAILURES;
            case REFUSED -> Main.EXIT_REFUSED;
        };
    }

    private void writeReport(SyncResult r) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", r.source());
        json.put("status", r.status().name());
        json.put("message", r.message());
        json.put("added", r.added());
        json.put("updated", r.updated());
        json.put("unchanged", r.unchanged());
        json.put("deleted", r.deleted());
        json.put("chunks_written", r.chunksWritten());
        json.put("duration_s", r.duration().toMillis() / 1000.0);
        json.put("chunks_per_s", r.chunksPerSecond());
        json.put("failed", r.failed());
        json.put("warnings", r.warnings());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), json);
    }
}
