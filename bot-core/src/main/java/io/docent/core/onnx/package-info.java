/**
 * The bundled embedding model: {@link io.docent.core.onnx.OnnxEmbedder} runs bge-small-en-v1.5 (int8-quantized,
 * shipped inside a Maven artifact) on the CPU through ONNX Runtime, with no network and no account.
 */
package io.docent.core.onnx;
