package io.docent.app.cli;

import io.docent.app.Main;
import io.docent.app.config.ConfigException;
import io.docent.app.config.Problems;
import io.docent.app.config.RedisConfig;
import io.docent.app.redis.RedisFeedbackStream;
import io.docent.app.redis.RedisState;
import io.docent.core.DocentException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code docent feedback export}: the votes that the replicas of {@code docent serve} keep on the shared Redis
 * stream, written out as JSON lines (the feedback log's format), oldest first. Exit codes: 0 written, 1 Redis could
 * not be read, 2 a setting is wrong or missing.
 */
@Command(
        name = "feedback",
        description = "The 👍/👎 votes on Docent's answers.",
        mixinStandardHelpOptions = true,
        subcommands = FeedbackCommand.Export.class)
public final class FeedbackCommand {

    @ParentCommand
    Main main;

    /** Writes the stream out. */
    @Command(
            name = "export",
            description = "Writes the votes kept on Redis (DOCENT_REDIS_URL) as JSON lines, oldest first, to"
                    + " standard output or a file. Without Redis, votes are already in DOCENT_FEEDBACK_LOG.",
            mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {

        @Option(
                names = "--out",
                paramLabel = "FILE",
                description = "Write to FILE (replaced once complete) instead of standard output.")
        Path out;

        @ParentCommand
        FeedbackCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Problems problems = new Problems();
            RedisConfig config =
                    RedisConfig.read(parent.main.settings(), problems).orElse(null);
            problems.throwIfAny();
            if (config == null) {
                throw new ConfigException("docent feedback export reads the votes kept on Redis: set "
                        + RedisConfig.URL + " as for docent serve (without it, votes are written to"
                        + " DOCENT_FEEDBACK_LOG, default DOCENT_HOME/feedback.jsonl, already as JSON lines)");
            }
            PrintWriter err = spec.commandLine().getErr();
            try (RedisState redis = RedisState.open(config)) {
                var stream = new RedisFeedbackStream(redis);
                long written;
                if (out == null) {
                    written = stream.export(spec.commandLine().getOut());
                } else {
                    written = exportToFile(stream, out);
                }
                err.println("docent: " + written + (written == 1 ? " vote" : " votes") + " exported from "
                        + config.location() + (out == null ? "" : " to " + out));
                return 0;
            } catch (DocentException e) {
                throw new DocentException("cannot read the votes from Redis: " + e.getMessage(), e);
            }
        }

        /** Writes next to {@code file} first, so that a failure halfway leaves any earlier export whole. */
        private static long exportToFile(RedisFeedbackStream stream, Path file) throws IOException {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".partial");
            try {
                long written;
                try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    written = stream.export(writer);
                }
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return written;
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
