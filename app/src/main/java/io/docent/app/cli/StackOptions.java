package io.docent.app.cli;

import io.docent.app.DocentStack;
import io.docent.app.config.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that opens the index shares. */
public final class StackOptions {

    @Option(
            names = "--index-dir",
            paramLabel = "DIR",
            description = "Where the index lives (default: DOCENT_HOME/index; DOCENT_HOME defaults to ./.docent).")
    Path indexDir;

    DocentStack open(Settings settings) {
        return DocentStack.open(settings, indexDir);
    }

    DocentStack openEmpty(Settings settings) {
        return DocentStack.open(settings, indexDir, true);
    }
}
