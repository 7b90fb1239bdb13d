package io.docent.slack.event;

import java.util.Objects;

/** Who Docent is in this workspace, from {@code auth.test}: its bot user id and bot id. */
public record BotIdentity(String userId, String botId, String teamId) {

    public BotIdentity {
        Objects.requireNonNull(userId, "userId");
        botId = botId == null ? "" : botId;
        teamId = teamId == null ? "" : teamId;
    }

    /** Whether a message with this author was written by Docent itself. */
    public boolean isSelf(String user, String bot) {
        return userId.equals(user) || (!botId.isEmpty() && botId.equals(bot));
    }
}
