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
                "teams": { "19:team@thread.tacv2": { "spaces": ["ENG"] } },
                "channels": { "19:it@thread.tacv2": { "sources": ["it"], "accessGroups": ["it-staff"] } }
              }
            }
            """;

    private TeamsScopes load(String json) throws Exception {
        return TeamsScopes.load(Files.writeString(dir.resolve("scopes.json"), json));
    }

    private static ConversationContext channel(String team, String channel) {
        return new ConversationContext("19:x;messageid=1", Kind.CHANNEL, "t", team, channel);
    }

    @Test
    void a_channel_takes_its_own_entry_then_its_teams_then_the_teams_default() throws Exception {
        TeamsScopes scopes = load(FILE);

        assertThat(scopes.scopeFor(channel("19:team@thread.tacv2", "19:it@thread.tacv2")))
                .isEqualTo(new Scope(Set.of("it"), Set.of(), Set.of("it-staff")));
        assertThat(scopes.scopeFor(channel("19:team@thread.tacv2", "19:general@thread.tacv2")))
                .isEqualTo(new Scope(Set.of(), Set.of("ENG"), Set.of()));
        assertThat(scopes.scopeFor(channel("19:other@thread.tacv2", "19:x@thread.tacv2")))
                .isEqualTo(new Scope(Set.of("handbook", "it"), Set.of(), Set.of()));
    }

    @Test
    void chats_take_the_teams_default_else_the_shared_default() throws Exception {
        var chat = new ConversationContext("a:1", Kind.PERSONAL, "t", "", "");

        assertThat(load(FILE).scopeFor(chat).sources()).containsExactlyInAnyOrder("handbook", "it");
        assertThat(load("{\"default\":{\"sources\":[\"handbook\"]}}")
                        .scopeFor(chat)
                        .sources())
                .containsExactly("handbook");
    }

    @Test
    void without_access_groups_only_public_documents_are_visible() throws Exception {
        Scope scope = load("{}").scopeFor(new ConversationContext("a:1", Kind.PERSONAL, "t", "", ""));

        assertThat(scope.admits("handbook", null, Set.of())).isTrue();
        assertThat(scope.admits("handbook", null, Set.of("hr-only"))).isFalse();
        assertThat(TeamsScopes.PUBLIC_ONLY.scopeFor(channel("a", "b")).accessGroups())
                .isEmpty();
    }

    @Test
    void a_malformed_file_names_the_setting_and_the_entry() throws Exception {
        assertThatThrownBy(() -> load("{\"teams\":{\"channels\":{\"19:c\":{\"sources\":\"it\"}}}}"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("DOCENT_SCOPE_FILE")
                .hasMessageContaining("teams.channels.19:c.sources");
        assertThatThrownBy(() -> load("not json")).hasMessageContaining("DOCENT_SCOPE_FILE");
        assertThatThrownBy(() -> TeamsScopes.load(dir.resolve("missing.json")))
                .hasMessageContaining("DOCENT_SCOPE_FILE");
    }
}
