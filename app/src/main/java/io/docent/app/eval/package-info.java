/**
 * Retrieval evaluation over BEIR-format datasets ({@code corpus.jsonl}, {@code queries.jsonl}, {@code
 * qrels/SPLIT.tsv}): nDCG@10, Recall@10, Recall@100 and MRR@10 per search mode, and latency per query.
 */
package io.docent.app.eval;
