/**
 * Incremental sync of one named source into a {@link io.docent.core.SearchIndex}:
 * {@link io.docent.indexer.sync.SourceSync} reads an export through a {@link io.docent.indexer.DocumentReader},
 * re-chunks and re-embeds only what changed, deletes what is gone (within a safety limit) and reports a
 * {@link io.docent.indexer.sync.SyncResult}. Around it, for {@code docent index}: {@link
 * io.docent.indexer.sync.IndexJob} (lock, read, sync, report, once or on a schedule), {@link
 * io.docent.indexer.sync.IndexLock} (one indexer per index) and {@link io.docent.indexer.sync.SyncReport} (the JSON
 * report and exit codes).
 */
package io.docent.indexer.sync;
