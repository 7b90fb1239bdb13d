/**
 * What holds for any {@link io.docent.core.Embedder}, whichever backend computes the vectors (the bundled ONNX model
 * or Azure OpenAI): {@link io.docent.core.embedding.CachingEmbedder}, a decorator that remembers query embeddings,
 * since people ask the same questions again. It lives here rather than in a backend's package because it wraps them
 * all.
 */
package io.docent.core.embedding;
