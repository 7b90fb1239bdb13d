/**
 * Answers written by a language model and held to the sources: {@link
 * io.docent.core.grounded.GroundedAnswerGenerator} (numbered sources between delimiters, sources as data, a sentinel
 * for "not in the sources", a token budget that fits the model's context) and {@link
 * io.docent.core.grounded.LlmQueryRewriter} (follow-ups made standalone by the model, with the heuristic as
 * fallback). Both work with any {@link io.docent.core.ChatModel}.
 */
package io.docent.core.grounded;
