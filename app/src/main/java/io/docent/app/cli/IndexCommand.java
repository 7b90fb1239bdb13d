package io.docent.app.cli;

import io.docent.app.DocentStack;
import io.docent.app.Main;
import io.docent.app.config.Settings;
import io.docent.indexer.export.ExportFormat;
import io.docent.indexer.export.ExportOptions;
import io.docent.indexer.schedule.Schedule;
import io.docent.indexer.sync.IndexJob;
import io.docent.indexer.sync.IndexLockedException;
import io.docent.indexer.sync.SyncResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
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
 * Syncs one named source with an export: new and changed documents indexed, unchanged ones skipped, removed ones
 * deleted (within the mass-delete guard); once, or on a schedule with {@code --every}. The work is the indexer's
 * {@link IndexJob}; this class parses options and prints. Access is fail-closed: a document whose export carries no
 * permissions is for administrators only unless {@code --public} declares the source public (see {@code
 * docs/indexing.md}). Exit codes: 0 done, 1 done with failed files, 2 bad usage, 3 refused (lock held, mass delete,
 * empty export).
 */
@Command(
        name = "index",
        description = "Indexes an export (a folder or a .zip: Confluence HTML or XML, SharePoint, or plain files of"
                + " Markdown, HTML, text, Office and PDF) as one named source.",
        mixinStandardHelpOptions = true)
public final class IndexCommand implements Callable<Integer> {

    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Option(
            names = "--source",
            required = true,
            paramLabel = "NAME",
            description = "The source's name, e.g. confluence-eng.")
    String source;

    @Parameters(index = "0", paramLabel = "PATH", description = "The export: a folder, a .zip, or an entities.xml.")
    Path path;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "confluence-html, confluence-xml, sharepoint or files (default: detected).")
    String format;

    @Option(names = "--base-url", paramLabel = "URL", description = "Citations link to URL + the page id or path.")
    String baseUrl;

    @Option(
            names = "--public",
            description = "Declare the whole source public: documents that carry no permissions (plain files, a"
                    + " Confluence HTML export, a Confluence space or SharePoint file whose permissions the export"
                    + " lacks) become readable by everyone who can reach Docent, guests included. Documents that"
                    + " carry permissions keep them: a restricted page stays restricted. Without it, documents"
                    + " without permissions are for administrators only, and the run warns about them.")
    boolean publicSource;

    @Option(names = "--allow-mass-delete", description = "Allow deleting more than 20%% of the source's documents.")
    boolean allowMassDelete;

    @Option(
            names = "--every",
            paramLabel = "INTERVAL|CRON",
            description = "Keep running: every interval (30m, 1h, 1d) or on a cron expression ('0 3 * * 1-5').")
    String every;

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
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!SOURCE_NAME.matcher(source).matches()) {
            err.println("docent index: --source must be 1-64 letters, digits, '.', '_' or '-', starting with a letter"
                    + " or digit");
            return Main.EXIT_USAGE;
        }
        if (!Files.exists(path)) {
            err.println("docent index: " + path + " does not exist; nothing was changed in the index");
            return Main.EXIT_USAGE;
        }
        ExportOptions options = exportOptions();
        Schedule schedule = every == null ? null : Schedule.parse(every, ZoneId.systemDefault());
        Settings settings = main.settings();
        if (rebuild) {
            err.println("docent index: --rebuild: starting from an empty index; index your other sources again");
        }
        try (DocentStack stack = rebuild ? stackOptions.openEmpty(settings) : stackOptions.open(settings)) {
            var progress = new ProgressBar(err, "documents");
            return IndexJob.builder(stack.index(), stack.embedder(), source, path)
                    .exportOptions(options)
                    .lockFolder(DocentStack.indexDir(settings, stackOptions.indexDir))
                    .report(report)
                    .schedule(schedule)
                    .allowMassDelete(allowMassDelete)
                    .progress(progress::update)
                    .afterEachRun(result -> {
                        progress.done();
                        stack.index().commit();
                        print(result, out, err);
                        return true;
                    })
                    .build()
                    .run();
        } catch (IndexLockedException e) {
            err.println("docent index: " + e.getMessage());
            return Main.EXIT_REFUSED;
        }
    }

    /** How the export is read: {@code --format}, {@code --base-url}, {@code --public}. */
    ExportOptions exportOptions() {
        return ExportOptions.builder()
                .format(format == null ? null : ExportFormat.parse(format))
                .baseUrl(baseUrl)
                .publicSource(publicSource)
                .build();
    }

    private static void print(SyncResult result, PrintWriter out, PrintWriter err) {
        out.println(result.summary());
        if (!result.message().isEmpty()) {
            err.println("docent index: " + result.message());
        }
        result.failed().forEach(p -> err.println("  failed: " + p.path() + ": " + p.reason()));
        result.warnings().forEach(p -> err.println("  warning: " + p.path() + ": " + p.reason()));
        out.flush();
        err.flush();
    }
}
