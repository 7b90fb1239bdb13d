package io.docent.indexer.sync;

/**
 * Told how far a sync has got, for a progress bar or log lines. Called on the syncing thread after each export entry
 * is finished (skipped as unchanged, written, or failed), so it must be quick; a listener that draws should throttle
 * itself.
 */
@FunctionalInterface
public interface SyncProgress {

    /** Ignores progress. */
    SyncProgress NONE = (done, total) -> {};

    /**
     * @param done entries finished so far
     * @param total entries in the export, or -1 while the reader has not said; {@code done} may pass it when a reader
     *     estimates low
     */
    void update(int done, int total);
}
