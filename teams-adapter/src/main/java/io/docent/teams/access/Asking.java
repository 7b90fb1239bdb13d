package io.docent.teams.access;

import io.docent.teams.activity.ConversationContext;
import java.util.Objects;
import java.util.Set;

/**
 * A question's facts that decide who asks and where the answer is shown, as the authenticated activity gave them.
 *
 * @param serviceUrl where the Bot Connector of this conversation is (the activity's {@code serviceUrl})
 * @param userId the asker's Teams id ({@code from.id}, {@code 29:...})
 * @param aadObjectId the asker's Entra object id as the activity says ({@code from.aadObjectId}), or {@code ""}
 * @param where the conversation the answer goes to
 * @param grantedGroups what the scope file grants that conversation
 */
public record Asking(
        String serviceUrl, String userId, String aadObjectId, ConversationContext where, Set<String> grantedGroups) {

    public Asking {
        serviceUrl = serviceUrl == null ? "" : serviceUrl;
        userId = userId == null ? "" : userId;
        aadObjectId = aadObjectId == null ? "" : aadObjectId;
        Objects.requireNonNull(where, "where");
        grantedGroups = grantedGroups == null ? Set.of() : Set.copyOf(grantedGroups);
    }
}
