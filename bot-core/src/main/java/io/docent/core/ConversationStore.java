package io.docent.core;

import java.util.List;

/**
 * History of conversations that the chat platform cannot give back (Teams). Keys are opaque conversation ids
 * (for a Teams channel thread, the id with its {@code ;messageid=} suffix, so history is per thread).
 * Implementations bound what they keep (turns per conversation, conversations, age).
 */
public interface ConversationStore {

    /** The turns of a conversation, oldest first; empty for an unknown id. */
    List<Turn> history(String conversationId);

    /** Appends turns to a conversation, in order. */
    void append(String conversationId, List<Turn> turns);
}
