/**
 * Test doubles for the indexer's tests: {@link io.docent.core.InMemorySearchIndex} (bot-core's, contract-tested) and
 * {@link io.docent.indexer.testing.HashingEmbedder} stand in for the real index and embedding model,
 * {@link io.docent.indexer.testing.ListReader} for an export, and {@link io.docent.indexer.testing.SharedData} finds
 * the third-party samples in {@code shared/data} when they are present.
 */
package io.docent.indexer.testing;
