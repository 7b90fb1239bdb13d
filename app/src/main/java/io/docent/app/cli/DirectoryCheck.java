package io.docent.app.cli;

import io.docent.app.Directories;
import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.core.DocentException;
import io.docent.core.access.DirectoryFile;
import io.docent.core.doctor.Finding;
import io.docent.core.doctor.HealthCheck;
import io.docent.core.graph.GraphDirectoryCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code docent doctor}'s look at who may read what: the directory file (how many people it names), Microsoft Graph
 * (through its own check), or no directory at all, which is allowed but means that everyone but administrators sees
 * public documents only. Reads the file; changes nothing.
 */
final class DirectoryCheck implements HealthCheck {

    static final String BACKEND = "Directory";
    static final String NONE = "no directory: everyone but administrators sees public documents only";

    private final Settings settings;

    DirectoryCheck(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public List<Finding> run() {
        Optional<String> file = settings.get("DOCENT_DIRECTORY_FILE");
        String kind = settings.get("DOCENT_DIRECTORY", file.isPresent() ? "file" : "none");
        try {
            return switch (kind) {
                case "none" -> List.of(Finding.ok(BACKEND, "who may read what", NONE));
                case "file" -> List.of(file(file));
                case "graph" -> new GraphDirectoryCheck(Directories.graph(settings), null).run();
                default -> List.of(problem("DOCENT_DIRECTORY must be file, graph or none"));
            };
        } catch (ConfigException e) {
            return List.of(problem(e.getMessage()));
        }
    }

    private static Finding file(Optional<String> file) {
        if (file.isEmpty()) {
            return problem("DOCENT_DIRECTORY=file needs DOCENT_DIRECTORY_FILE");
        }
        try {
            var directory = new DirectoryFile(Path.of(file.get()));
            int people = directory.size();
            int everyone = directory.everyone().size();
            return Finding.ok(
                    BACKEND,
                    "directory file",
                    file.get() + ": " + people + (people == 1 ? " person" : " people") + ", " + everyone
                            + (everyone == 1 ? " group" : " groups") + " every employee holds");
        } catch (DocentException e) {
            return problem("DOCENT_DIRECTORY_FILE: " + e.getMessage());
        }
    }

    private static Finding problem(String message) {
        return Finding.problem(
                BACKEND,
                "settings",
                message,
                "Fix the directory setting or file (docs/permissions.md says how to produce the file); until then"
                        + " docent serve, ask and chat refuse to start.");
    }
}
