package io.docent.indexer.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the third-party sample data in {@code shared/data}, which lives beside the repository and is never copied
 * into it. From the module directory that is {@code ../../shared/data} in a plain checkout, one level further up in
 * a git worktree; so this walks up from the working directory until a {@code shared/data} folder appears.
 */
public final class SharedData {

    private SharedData() {}

    /** {@code shared/data/relative}, or empty when the data is not present on this machine. */
    public static Optional<Path> find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
