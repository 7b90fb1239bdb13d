package io.docent.slack.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.core.Identity;
import io.docent.core.Identity.Standing;
import io.docent.slack.event.BotIdentity;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.SlackJson;
import io.docent.slack.testing.SlackPayloads;
import io.docent.slack.web.SlackUser;
import org.junit.jupiter.api.Test;

class IdentitiesTest {

    private static final BotIdentity WORKSPACE = new BotIdentity("U0DOCENT", "B0DOCENT", LocalSlackApi.TEAM);

    private static Identity identify(ObjectNode user) {
        return Identities.identify(SlackUser.from(user.path("id").asText(), SlackJson.usersInfo(user)), WORKSPACE);
    }

    private static ObjectNode alice() {
        return SlackPayloads.user("U0ALICE", "Alice", "Alice@Example.com");
    }

    @Test
    void a_member_of_the_workspace_is_a_member_with_their_email_and_team() {
        Identity who = identify(alice());

        assertThat(who).isEqualTo(new Identity("slack", "U0ALICE", "T0TEAM", "alice@example.com", Standing.MEMBER));
        assertThat(who.logRef()).isEqualTo("slack:U0ALICE").doesNotContain("alice@");
    }

    @Test
    void multi_and_single_channel_guests_are_guests() {
        assertThat(identify(alice().put("is_restricted", true)).standing()).isEqualTo(Standing.GUEST);
        assertThat(identify(alice().put("is_restricted", true).put("is_ultra_restricted", true))
                        .standing())
                .isEqualTo(Standing.GUEST);
        assertThat(identify(alice().put("is_ultra_restricted", true)).standing())
                .isEqualTo(Standing.GUEST);
    }

    @Test
    void a_slack_connect_user_from_another_team_is_external_even_with_a_known_email() {
        ObjectNode partner =
                SlackPayloads.user("U0PARTNER", "Paula", "alice@example.com").put("team_id", "T0PARTNER");

        Identity who = identify(partner);

        assertThat(who.standing()).isEqualTo(Standing.EXTERNAL);
        assertThat(who.tenantId()).isEqualTo("T0PARTNER");
    }

    @Test
    void a_stranger_is_external() {
        assertThat(identify(alice().put("is_stranger", true)).standing()).isEqualTo(Standing.EXTERNAL);
    }

    @Test
    void a_person_of_another_workspace_of_the_same_enterprise_grid_organisation_is_a_member() {
        var grid = new BotIdentity("U0DOCENT", "B0DOCENT", "T0TEAM", "E0ORG");
        ObjectNode sibling =
                SlackPayloads.user("W0SIB", "Sib", "sib@example.com").put("team_id", "T0SISTER");
        sibling.putObject("enterprise_user").put("id", "W0SIB").put("enterprise_id", "E0ORG");

        SlackUser user = SlackUser.from("W0SIB", SlackJson.usersInfo(sibling));

        assertThat(Identities.identify(user, grid).standing()).isEqualTo(Standing.MEMBER);
        assertThat(Identities.identify(user, WORKSPACE).standing()).isEqualTo(Standing.EXTERNAL);
    }

    @Test
    void bots_and_deleted_accounts_are_nobody() {
        assertThat(identify(alice().put("is_bot", true)).standing()).isEqualTo(Standing.ANONYMOUS);
        assertThat(identify(alice().put("deleted", true)).standing()).isEqualTo(Standing.ANONYMOUS);
    }

    @Test
    void someone_slack_will_not_show_is_external_and_a_failed_lookup_is_nobody() {
        assertThat(Identities.identify(SlackUser.from("U0X", SlackJson.usersInfoError("user_not_visible")), WORKSPACE)
                        .standing())
                .isEqualTo(Standing.EXTERNAL);
        assertThat(Identities.identify(SlackUser.from("U0X", SlackJson.usersInfoError("user_not_found")), WORKSPACE)
                        .standing())
                .isEqualTo(Standing.EXTERNAL);
        assertThat(Identities.identify(SlackUser.from("U0X", SlackJson.usersInfoError("missing_scope")), WORKSPACE))
                .isEqualTo(new Identity("slack", "U0X", "", "", Standing.ANONYMOUS));
        assertThat(Identities.identify(SlackUser.failed("U0X"), WORKSPACE).standing())
                .isEqualTo(Standing.ANONYMOUS);
    }

    @Test
    void a_workspace_without_a_team_id_vouches_for_nobody() {
        var unknown = new BotIdentity("U0DOCENT", "B0DOCENT", "");

        assertThat(Identities.identify(SlackUser.from("U0ALICE", SlackJson.usersInfo(alice())), unknown)
                        .standing())
                .isEqualTo(Standing.EXTERNAL);
    }
}
