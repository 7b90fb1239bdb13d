package io.docent.slack.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.core.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelScopesTest {

    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        return Files.writeString(dir.resolve("scopes.json"), json);
    }

    @Test
    void maps_listed_channels_to_their_scope_and_others_to_the_default() throws Exception {
        var scopes = ChannelScopes.load(file("""
                {
                  "default": { "sources": ["handbook"] },
                  "channels": {
                    "C0ENG": { "sources": ["confluence-eng"], "spaces": ["ENG", "OPS"] },
                    "G0HR": { "spaces": ["HR"] }
                  }
                }
                """));

        assertThat(scopes.scopeFor("C0ENG")).isEqualTo(new Scope(Set.of("confluence-eng"), Set.of("ENG", "OPS"), null));
        assertThat(scopes.scopeFor("G0HR")).isEqualTo(new Scope(Set.of(), Set.of("HR"), null));
        assertThat(scopes.scopeFor("C0OTHER")).isEqualTo(Scope.sources("handbook"));
        assertThat(scopes.scopeFor("D0DM")).isEqualTo(Scope.sources("handbook"));
    }

    @Test
    void searches_everything_without_a_file_or_a_default() throws Exception {
        assertThat(ChannelScopes.load(null).scopeFor("C1")).isEqualTo(Scope.ALL);
        assertThat(ChannelScopes.load(file("{\"channels\":{}}")).scopeFor("C1")).isEqualTo(Scope.ALL);
    }

    @Test
    void refuses_channel_names_in_place_of_ids() throws Exception {
        Path file = file("{\"channels\":{\"#general\":{\"sources\":[\"x\"]}}}");

        assertThatThrownBy(() -> ChannelScopes.load(file))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("#general")
                .hasMessageContaining("not a channel ID");
    }

    @Test
    void refuses_unknown_keys_with_the_files_path() throws Exception {
        Path file = file("{\"channels\":{\"C1X\":{\"source\":[\"x\"]}}}");

        assertThatThrownBy(() -> ChannelScopes.load(file))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("DOCENT_SCOPE_FILE");
    }

    @Test
    void grants_a_channel_its_access_groups_and_keeps_them_out_of_its_scope() throws Exception {
        var scopes = ChannelScopes.load(file("""
                {
                  "default": { "sources": ["handbook"] },
                  "channels": {
                    "C0HR": { "spaces": ["HR"], "accessGroups": ["group:hr", "confluence-hr"] },
                    "C0ENG": { "sources": ["eng"] }
                  }
                }
                """));

        assertThat(scopes.grantsFor("C0HR")).containsExactlyInAnyOrder("group:hr", "confluence-hr");
        assertThat(scopes.scopeFor("C0HR")).isEqualTo(new Scope(Set.of(), Set.of("HR"), null));
        assertThat(scopes.grantsFor("C0ENG")).isEmpty();
        assertThat(scopes.grantsFor("C0OTHER")).isEmpty();
        assertThat(ChannelScopes.load(null).grantsFor("C0HR")).isEmpty();
    }

    @Test
    void does_not_grant_the_defaults_access_groups_to_every_channel() throws Exception {
        var scopes = ChannelScopes.load(file("""
                { "default": { "sources": ["handbook"], "accessGroups": ["confluence-users"] } }
                """));

        assertThat(scopes.grantsFor("C0ANY")).isEmpty();
        assertThat(scopes.scopeFor("C0ANY")).isEqualTo(Scope.sources("handbook"));
    }

    @Test
    void reads_a_file_shared_with_teams_and_leaves_the_teams_section_alone() throws Exception {
        var scopes = ChannelScopes.load(file("""
                {
                  "default": { "sources": ["handbook"] },
                  "channels": { "C0HR": { "accessGroups": ["group:hr"] } },
                  "teams": {
                    "default": { "sources": ["handbook", "it"] },
                    "teams": { "19:abc@thread.tacv2": { "spaces": ["ENG"] } },
                    "channels": { "19:def@thread.tacv2": { "sources": ["it"], "accessGroups": ["it-staff"] } }
                  }
                }
                """));

        assertThat(scopes.grantsFor("C0HR")).containsExactly("group:hr");
        assertThat(scopes.scopeFor("C0ANY")).isEqualTo(Scope.sources("handbook"));
    }

    @Test
    void still_refuses_a_malformed_channel_or_default_entry_naming_the_file() throws Exception {
        for (String json : List.of(
                "{\"teams\":{},\"channels\":{\"C1X\":{\"accessGroups\":\"group:hr\"}}}",
                "{\"teams\":{},\"channels\":{\"C1X\":{\"accessGroups\":[\" \"]}}}",
                "{\"teams\":{},\"channels\":{\"C1X\":[\"x\"]}}",
                "{\"teams\":{},\"channels\":[\"C1X\"]}",
                "{\"teams\":{},\"default\":{\"spaces\":[\"HR\"],\"acessGroups\":[\"x\"]}}",
                "{\"default\":\"handbook\"}",
                "[\"C1X\"]")) {
            Path file = file(json);

            assertThatThrownBy(() -> ChannelScopes.load(file))
                    .as(json)
                    .isInstanceOf(DocentException.InvalidInput.class)
                    .hasMessageContaining(file.toString());
        }
    }
}
