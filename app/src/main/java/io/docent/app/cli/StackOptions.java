package io.docent.app.cli;

import io.docent.app.DocentStack;
import io.docent.app.config.DocentConfig;
import io.docent.app.config.Settings;
import io.docent.core.lucene.LuceneSearchIndex;
import java.io.PrintWriter;
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

    /**
     * Opens the stack for answering questions. On the embedded default the index is opened for reading only, so a
     * scheduled {@code docent index} can update it while questions are answered; on first use (no index, or an
     * empty one) the sample handbook is indexed first, with the index opened for writing just for that.
     */
    DocentStack openForQuestions(Settings settings, PrintWriter err) {
        return openForQuestions(settings, DocentConfig.read(settings), err);
    }

    /** As {@link #openForQuestions(Settings, PrintWriter)}, with the configuration already read (docent serve). */
    public DocentStack openForQuestions(Settings settings, DocentConfig config, PrintWriter err) {
        if (config.backends().azureSearch().isPresent()) {
            DocentStack stack = DocentStack.open(settings, config, indexDir, DocentStack.IndexAccess.WRITE);
            try {
                Bootstrap.ensureIndexed(stack, err);
                return stack;
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        }
        if (!LuceneSearchIndex.hasChunks(DocentStack.indexDir(settings, indexDir))) {
            try (DocentStack writable = DocentStack.open(settings, config, indexDir, DocentStack.IndexAccess.WRITE)) {
                Bootstrap.ensureIndexed(writable, err);
            }
        }
        return DocentStack.open(settings, config, indexDir, DocentStack.IndexAccess.READ);
    }

    DocentStack openEmpty(Settings settings) {
        return DocentStack.open(settings, indexDir, true);
    }
}
