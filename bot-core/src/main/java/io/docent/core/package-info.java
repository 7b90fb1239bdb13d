/**
 * Docent's core: the domain records ({@link io.docent.core.Question}, {@link io.docent.core.Answer},
 * {@link io.docent.core.Chunk}...), the ports the outside world lives behind ({@link io.docent.core.SearchIndex},
 * {@link io.docent.core.Embedder}, {@link io.docent.core.ChatModel}, {@link io.docent.core.ConversationStore},
 * {@link io.docent.core.KeyValueStore} and {@link io.docent.core.PerPersonLimit} for what a service's replicas
 * share, {@link io.docent.core.Sleeper} for every retry's back-off), and
 * the exception hierarchy rooted at {@link io.docent.core.DocentException}.
 *
 * <p>Backends live in sub-packages, one per technology ({@code lucene}, {@code onnx}, {@code azure}); the answer
 * pipeline and its stages live in {@code pipeline}; what wraps any embedder, whatever its backend, lives in
 * {@code embedding}.
 */
package io.docent.core;
