package io.docent.indexer.sync;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one sync run did.
 *
 * @param source the named source
 * @param status how it ended
 * @param message why it was refused, or what it left undone; {@code ""} when there is nothing to add
 * @param added documents new to the index
 * @param updated documents whose content changed and were re-chunked and re-embedded
 * @param unchanged documents skipped because their content hash had not changed
 * @param deleted documents removed because the export no longer has them
 * @param failed entries that could not be read; their previously indexed chunks were kept
 * @param warnings entries read with a caveat (bad encoding replaced, a symbolic link not followed)
 * @param chunksWritten chunks embedded and written
 * @param duration wall time of the run
 */
public record SyncResult(
        String source,
        Status status,
        String message,
        int added,
        int updated,
        int unchanged,
        int deleted,
        List<Problem> failed,
        List<Problem> warnings,
        long chunksWritten,
        Duration duration) {

    /** How a run ended; a command line maps these to exit codes 0, 1 and 3. */
    public enum Status {
        /** Everything read was indexed, and everything gone was deleted. */
        DONE,
        /** Done, but some entries failed (see {@link #failed}); their old chunks were kept. */
        DONE_WITH_FAILURES,
        /**
         * Deletions were refused (an empty or unreadable export, or more deletions than allowed) and nothing was
         * deleted; documents already read were still added or updated. {@link #message} says why and what to do.
         */
        REFUSED
    }

    /** An entry of the export and what went wrong with it. */
    public record Problem(String path, String reason) {
        public Problem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public SyncResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        failed = List.copyOf(failed);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(duration, "duration");
    }

    /** Chunks written per second of wall time; 0 when nothing was written or no time passed. */
    public double chunksPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds > 0 ? chunksWritten / seconds : 0;
    }

    /** One line for a log or terminal: the counts, the duration and the throughput. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%s: %s. %d added, %d updated, %d unchanged, %d deleted, %d failed; %d chunks in %.1f s (%.1f chunks/s)%s",
                source,
                status.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                added,
                updated,
                unchanged,
                deleted,
                failed.size(),
                chunksWritten,
                duration.toMillis() / 1000.0,
                chunksPerSecond(),
                message.isEmpty() ? "" : ". " + message);
    }
}
