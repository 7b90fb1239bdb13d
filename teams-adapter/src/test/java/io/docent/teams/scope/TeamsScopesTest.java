package io.docent.teams.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.core.Scope;
import io.docent.teams.activity.ConversationContext;
import io.docent.teams.activity.ConversationContext.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamsScopesTest {

    @TempDir
    Path dir;

    private static final String FILE = """
            {
              "default": { "sources": ["handbook"] },
              "slack": { "channels": { "C0123ABCD": { "sources": ["eng"] } } },
              "teams": {
                "default": { "sources": ["handbook", "it"] },
                "teams": { "19:team@thread.tacv2": { "spaces": ["ENG"], "accessGroups": ["eng-staff"] } },
                "channels": { "19:it@thread.tacv2": { "sources": ["it"], "accessGroups": ["it-staff"] } }
              }
            }
            """;

    private TeamsScopes load(String json) throws Exception {
        return TeamsScopes.load(Files.writeString(dir.resolve("scopes.json"), json));
    }

    private static ConversationContext channel(String team, String channel) {
        return new ConversationContext(channel + ";messageid=1", Kind.CHANNEL, "t", team, channel);
    }

    @Test
    void a_channel_takes_its_own_entry_then_its_teams_then_the_teams_default() throws Exception {
        TeamsScopes scopes = load(FILE);

        assertThat(scopes.entryFor(channel("19:team@thread.tacv2", "19:it@thread.tacv2")))
                .isEqualTo(new ScopeEntry(new Scope(Set.of("it"), Set.of(), null), Set.of("it-staff")));
        assertThat(scopes.entryFor(channel("19:team@thread.tacv2", "19:general@thread.tacv2")))
                .isEqualTo(new ScopeEntry(new Scope(Set.of(), Set.of("ENG"), null), Set.of("eng-staff")));
        assertThat(scopes.entryFor(channel("19:other@thread.tacv2", "19:x@thread.tacv2")))
                .isEqualTo(new ScopeEntry(new Scope(Set.of("handbook", "it"), Set.of(), null), Set.of()));
    }

    @Test
    void a_channel_without_a_trusted_team_gets_no_team_entry() throws Exception {
        assertThat(load(FILE).entryFor(channel("", "19:general@thread.tacv2")).grantedGroups())
                .isEmpty();
    }

    @Test
    void chats_take_the_teams_default_else_the_shared_default() throws Exception {
        var chat = new ConversationContext("a:1", Kind.PERSONAL, "t", "", "");

        assertThat(load(FILE).entryFor(chat).scope().sources()).containsExactlyInAnyOrder("handbook", "it");
        assertThat(load("{\"default\":{\"sources\":[\"handbook\"]}}")
                        .entryFor(chat)
                        .scope()
                        .sources())
                .containsExactly("handbook");
    }

    @Test
    void scopes_never_carry_access_groups_so_a_question_accepts_them() throws Exception {
        TeamsScopes scopes = load(FILE);

        assertThat(scopes.entryFor(channel("19:team@thread.tacv2", "19:it@thread.tacv2"))
                        .scope()
                        .accessGroups())
                .isNull();
        assertThat(TeamsScopes.PUBLIC_ONLY.entryFor(channel("a", "b")).scope().accessGroups())
                .isNull();
        assertThat(TeamsScopes.PUBLIC_ONLY.entryFor(channel("a", "b")).grantedGroups())
                .isEmpty();
    }

    @Test
    void a_slack_section_at_the_top_level_does_not_stop_teams() throws Exception {
        TeamsScopes scopes = load("""
                {
                  "default": { "sources": ["handbook"], "accessGroups": ["slack-default-grant"] },
                  "channels": { "C0123ABCD": { "sources": ["eng"], "accessGroups": ["eng"] } },
                  "slack": { "anything": true }
                }
                """);

        ScopeEntry chat = scopes.entryFor(new ConversationContext("19:g@thread.v2", Kind.GROUP_CHAT, "t", "", ""));
        assertThat(chat.scope().sources()).containsExactly("handbook");
        assertThat(chat.grantedGroups()).isEmpty(); // a shared default's grant is not a Teams grant
    }

    @Test
    void a_grant_in_the_teams_default_or_of_a_reserved_group_is_refused() {
        assertThatThrownBy(() -> load("{\"teams\":{\"default\":{\"accessGroups\":[\"hr\"]}}}"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("teams.default.accessGroups");
        assertThatThrownBy(
                        () -> load("{\"teams\":{\"channels\":{\"19:c\":{\"accessGroups\":[\"docent:employees\"]}}}}"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("teams.channels.19:c.accessGroups")
                .hasMessageContaining("reserved");
    }

    @Test
    void a_malformed_teams_entry_names_the_setting_the_file_and_the_entry() throws Exception {
        Path file = dir.resolve("scopes.json");
        assertThatThrownBy(() -> load("{\"channels\":{},\"teams\":{\"channels\":{\"19:c\":{\"sources\":\"it\"}}}}"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("DOCENT_SCOPE_FILE")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("teams.channels.19:c.sources");
        assertThatThrownBy(() -> load("{\"teams\":[]}")).hasMessageContaining("teams must be an object");
        assertThatThrownBy(() -> load("not json")).hasMessageContaining("DOCENT_SCOPE_FILE");
        assertThatThrownBy(() -> TeamsScopes.load(dir.resolve("missing.json")))
                .hasMessageContaining("DOCENT_SCOPE_FILE");
    }
}
