/**
 * In-process implementations of the conversation layer's stores ({@link io.docent.core.ConversationStore}, {@link
 * io.docent.core.KeyValueStore}, {@link io.docent.core.PerPersonLimit}): the default of a single process, bounded,
 * lost on restart and not shared between replicas.
 */
package io.docent.core.memory;
