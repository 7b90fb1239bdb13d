/**
 * The embedded search index: {@link io.docent.core.lucene.LuceneSearchIndex}, a {@link io.docent.core.SearchIndex}
 * on local disk built on Apache Lucene (BM25 at Anserini's settings, HNSW vectors, a convex combination of their
 * normalised scores or reciprocal rank fusion). It is Docent's default and
 * needs no service; the index directory belongs to one process at a time.
 */
package io.docent.core.lucene;
