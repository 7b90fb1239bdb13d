package io.docent.slack.access;

import io.docent.core.Identity;
import io.docent.slack.event.BotIdentity;
import io.docent.slack.web.SlackUser;
import io.docent.slack.web.UserDirectory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is to the organisation, from {@code users.info} (cached by {@link UserDirectory}). The rule, first
 * match wins:
 *
 * <table>
 *   <caption>A Slack user's standing</caption>
 *   <tr><th>users.info says</th><th>standing</th></tr>
 *   <tr><td>nothing: the call failed (network, rate limit, a missing scope)</td><td>anonymous</td></tr>
 *   <tr><td>{@code user_not_found} or {@code user_not_visible}</td><td>external</td></tr>
 *   <tr><td>{@code is_bot}, or {@code deleted}</td><td>anonymous</td></tr>
 *   <tr><td>{@code is_stranger}, or a {@code team_id} other than the workspace's own (and not of its Enterprise
 *       Grid organisation): Slack Connect</td><td>external</td></tr>
 *   <tr><td>{@code is_restricted} or {@code is_ultra_restricted}</td><td>guest</td></tr>
 *   <tr><td>anyone else</td><td>member, with {@code profile.email}</td></tr>
 * </table>
 *
 * <p>Only a member's groups are looked up in the directory, by email; everyone else reads public documents only.
 * A member without an email (the app lacks {@code users:read.email}) is a member the directory cannot find, so also
 * public only: said once in the log, because it silently narrows every answer.
 */
public final class Identities {

    /** The platform name in {@link Identity#platform()}. */
    public static final String PLATFORM = "slack";

    private static final Logger log = LoggerFactory.getLogger(Identities.class);

    private final UserDirectory users;
    private final BotIdentity workspace;
    private final AtomicBoolean toldNoEmail = new AtomicBoolean();

    public Identities(UserDirectory users, BotIdentity workspace) {
        this.users = users;
        this.workspace = workspace;
    }

    /** Who {@code userId} is; never throws (a failed lookup is someone unknown). */
    public Identity of(String userId) {
        Identity who = identify(users.user(userId), workspace);
        if (who.standing() == Identity.Standing.MEMBER
                && who.email().isEmpty()
                && toldNoEmail.compareAndSet(false, true)) {
            log.warn(
                    "users.info gives no email for {}: Docent cannot look up people's groups, so they read public"
                            + " documents only. Add the users:read.email scope to the Slack app and reinstall it.",
                    who.logRef());
        }
        return who;
    }

    /** The standing table above, for one user as {@code users.info} described them. */
    public static Identity identify(SlackUser user, BotIdentity workspace) {
        String id = user.id();
        return switch (user.lookup()) {
            case FAILED -> new Identity(PLATFORM, id, "", "", Identity.Standing.ANONYMOUS);
            case NOT_VISIBLE -> new Identity(PLATFORM, id, "", "", Identity.Standing.EXTERNAL);
            case FOUND -> new Identity(PLATFORM, id, user.teamId(), user.email(), standing(user, workspace));
        };
    }

    /** A bot or app of the workspace's own organisation (Docent included): not a reader. */
    public static boolean ownBot(SlackUser user, BotIdentity workspace) {
        return user.found() && user.bot() && workspace.sameOrganisation(user.teamId(), user.enterpriseId());
    }

    private static Identity.Standing standing(SlackUser user, BotIdentity workspace) {
        if (user.bot() || user.deleted()) {
            return Identity.Standing.ANONYMOUS;
        }
        if (user.stranger() || !workspace.sameOrganisation(user.teamId(), user.enterpriseId())) {
            return Identity.Standing.EXTERNAL;
        }
        return user.guest() ? Identity.Standing.GUEST : Identity.Standing.MEMBER;
    }
}
