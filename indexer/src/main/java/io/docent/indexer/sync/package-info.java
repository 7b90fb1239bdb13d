/**
 * Incremental sync of one named source into a {@link io.docent.core.SearchIndex}:
 * {@link io.docent.indexer.sync.SourceSync} reads an export through a {@link io.docent.indexer.DocumentReader},
 * re-chunks and re-embeds only what changed, deletes what is gone (within a safety limit) and reports a
 * {@link io.docent.indexer.sync.SyncResult}.
 */
package io.docent.indexer.sync;
