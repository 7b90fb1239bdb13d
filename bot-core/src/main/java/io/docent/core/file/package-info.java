/**
 * Backends on the local (or a shared, mounted) file system: {@link io.docent.core.file.FileConversationStore}, the
 * durable {@link io.docent.core.ConversationStore} for restarts and for several replicas on one shared volume.
 */
package io.docent.core.file;
