package io.docent.slack.web;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.util.Objects;
import java.util.Set;

/**
 * A person as {@code users.info} described them, or why it could not: the facts Docent needs to name them in a
 * question and to tell who they are to the organisation. The email is present only with the {@code users:read.email}
 * scope.
 *
 * @param id the user id asked about
 * @param lookup whether Slack answered
 * @param teamId the person's own team ({@code team_id}; another organisation's team for a Slack Connect user)
 * @param enterpriseId the person's Enterprise Grid organisation, or {@code ""}
 * @param email {@code profile.email}, or {@code ""}
 * @param name the display name, else the real name, else the user name, else the id
 * @param guest {@code is_restricted} (multi-channel guest) or {@code is_ultra_restricted} (single-channel guest)
 * @param stranger {@code is_stranger}: someone from another organisation Slack shows only in part
 * @param bot {@code is_bot}
 * @param deleted {@code deleted}
 */
public record SlackUser(
        String id,
        Lookup lookup,
        String teamId,
        String enterpriseId,
        String email,
        String name,
        boolean guest,
        boolean stranger,
        boolean bot,
        boolean deleted) {

    /** How the {@code users.info} call ended. */
    public enum Lookup {
        /** Slack described the person. */
        FOUND,
        /**
         * Slack does not show this person to Docent ({@code user_not_found}, {@code user_not_visible}): someone from
         * another organisation, seen in a shared channel.
         */
        NOT_VISIBLE,
        /** The call failed (network, rate limit, a missing scope...): nothing is known. */
        FAILED
    }

    /** The errors that mean "not one of this workspace's people", as opposed to "could not ask". */
    static final Set<String> NOT_VISIBLE_ERRORS = Set.of("user_not_found", "user_not_visible");

    public SlackUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lookup, "lookup");
        teamId = teamId == null ? "" : teamId;
        enterpriseId = enterpriseId == null ? "" : enterpriseId;
        email = email == null ? "" : email;
        name = name == null || name.isBlank() ? id : name;
    }

    /** Nothing is known about {@code id}: the call failed. */
    public static SlackUser failed(String id) {
        return new SlackUser(id, Lookup.FAILED, "", "", "", id, false, false, false, false);
    }

    /** What {@code response} (to {@code users.info} for {@code id}) says. */
    public static SlackUser from(String id, UsersInfoResponse response) {
        if (response == null) {
            return failed(id);
        }
        if (!response.isOk()) {
            return NOT_VISIBLE_ERRORS.contains(response.getError())
                    ? new SlackUser(id, Lookup.NOT_VISIBLE, "", "", "", id, false, false, false, false)
                    : failed(id);
        }
        User user = response.getUser();
        if (user == null) {
            return failed(id);
        }
        User.Profile profile = user.getProfile();
        String enterprise =
                user.getEnterpriseUser() != null ? user.getEnterpriseUser().getEnterpriseId() : user.getEnterpriseId();
        return new SlackUser(
                id,
                Lookup.FOUND,
                user.getTeamId(),
                enterprise,
                profile == null ? "" : profile.getEmail(),
                name(user),
                user.isRestricted() || user.isUltraRestricted(),
                user.isStranger(),
                user.isBot(),
                user.isDeleted());
    }

    public boolean found() {
        return lookup == Lookup.FOUND;
    }

    private static String name(User user) {
        User.Profile profile = user.getProfile();
        if (profile != null && notBlank(profile.getDisplayName())) {
            return profile.getDisplayName();
        }
        if (profile != null && notBlank(profile.getRealName())) {
            return profile.getRealName();
        }
        if (notBlank(user.getRealName())) {
            return user.getRealName();
        }
        return notBlank(user.getName()) ? user.getName() : user.getId();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
