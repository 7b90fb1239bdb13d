package io.docent.slack.event;

import java.util.Objects;

/**
 * Who Docent is in this workspace, from {@code auth.test}: its bot user id and bot id, and the workspace's own team
 * (and Enterprise Grid organisation, when it has one), against which people are told apart from outsiders.
 */
public record BotIdentity(String userId, String botId, String teamId, String enterpriseId) {

    public BotIdentity {
        Objects.requireNonNull(userId, "userId");
        botId = botId == null ? "" : botId;
        teamId = teamId == null ? "" : teamId;
        enterpriseId = enterpriseId == null ? "" : enterpriseId;
    }

    /** A workspace outside Enterprise Grid. */
    public BotIdentity(String userId, String botId, String teamId) {
        this(userId, botId, teamId, "");
    }

    /** Whether a message with this author was written by Docent itself. */
    public boolean isSelf(String user, String bot) {
        return userId.equals(user) || (!botId.isEmpty() && botId.equals(bot));
    }

    /**
     * Whether a person of team {@code team} (in Enterprise Grid organisation {@code enterprise}) belongs to this
     * workspace's organisation. Nothing known is no: an empty team never matches.
     */
    public boolean sameOrganisation(String team, String enterprise) {
        return (!teamId.isEmpty() && teamId.equals(team))
                || (!enterpriseId.isEmpty() && enterpriseId.equals(enterprise));
    }
}
