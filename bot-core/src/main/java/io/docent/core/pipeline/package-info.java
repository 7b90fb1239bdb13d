/**
 * The answer pipeline of ARCHITECTURE.md, one class per stage: {@link io.docent.core.pipeline.HistoryWindow}
 * (history cut to a token budget), {@link io.docent.core.pipeline.QueryRewriter} (a follow-up made standalone),
 * {@link io.docent.core.pipeline.Retriever} (hybrid search, chunks of one document merged), {@link
 * io.docent.core.pipeline.RelevanceGate} (the not-found decision, before any model call), an {@link
 * io.docent.core.AnswerGenerator}, and {@link io.docent.core.pipeline.CitationChecker} (citations to nothing
 * removed). {@link io.docent.core.pipeline.AnswerPipeline} calls them top-down and does no work of its own.
 */
package io.docent.core.pipeline;
