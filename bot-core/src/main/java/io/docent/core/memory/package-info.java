/** In-process implementations of {@link io.docent.core.ConversationStore}. */
package io.docent.core.memory;
