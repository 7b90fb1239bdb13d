package io.docent.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.connector.authentication.AppCredentials;
import io.docent.core.DocentException;
import io.docent.teams.TeamsSettings.AppType;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {

    @Test
    void refuses_an_empty_app_id_unless_insecure_local_is_set() {
        assertThatThrownBy(() -> new TeamsSettings("", "", null, "", Set.of(), false))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("MicrosoftAppId")
                .hasMessageContaining("DOCENT_TEAMS_INSECURE_LOCAL");

        TeamsSettings local = new TeamsSettings(" ", "", null, "", Set.of(), true);
        assertThat(local.authenticationEnabled()).isFalse();
    }

    @Test
    void an_app_id_needs_its_password_and_a_single_tenant_bot_its_tenant() {
        assertThatThrownBy(() -> new TeamsSettings("app", " ", AppType.MULTI_TENANT, "", Set.of(), false))
                .hasMessageContaining("MicrosoftAppPassword");
        assertThatThrownBy(() -> new TeamsSettings("app", "secret", AppType.SINGLE_TENANT, "", Set.of(), false))
                .hasMessageContaining("MicrosoftAppTenantId");
    }

    @Test
    void the_app_type_follows_azures_spelling_and_defaults_from_the_tenant() {
        assertThat(AppType.parse("SingleTenant")).isEqualTo(AppType.SINGLE_TENANT);
        assertThat(AppType.parse(" multitenant ")).isEqualTo(AppType.MULTI_TENANT);
        assertThatThrownBy(() -> AppType.parse("UserAssignedMSI")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> AppType.parse("both")).hasMessageContaining("MicrosoftAppType");
        assertThat(new TeamsSettings("app", "s", null, "tenant", Set.of(), false).appType())
                .isEqualTo(AppType.SINGLE_TENANT);
    }

    @Test
    void a_single_tenant_bot_serves_its_own_tenant_unless_an_allow_list_says_otherwise() {
        TeamsSettings single = TeamsSettings.singleTenant("app", "secret", "home");

        assertThat(single.effectiveAllowedTenants()).containsExactly("home");
        assertThat(single.withAllowedTenants(Set.of("home", "partner")).effectiveAllowedTenants())
                .containsExactlyInAnyOrder("home", "partner");
        assertThat(TeamsSettings.multiTenant("app", "secret").effectiveAllowedTenants())
                .isEmpty();
    }

    @Test
    void to_string_never_shows_the_password() {
        assertThat(TeamsSettings.multiTenant("app", "hunter2").toString())
                .contains("app")
                .doesNotContain("hunter2");
    }

    @Test
    void a_single_tenant_bot_gets_its_outbound_token_from_its_tenant() {
        AppCredentials single = TeamsAdapter.credentialsFor(TeamsSettings.singleTenant("app", "secret", "home-tenant"));
        AppCredentials multi = TeamsAdapter.credentialsFor(TeamsSettings.multiTenant("app", "secret"));

        assertThat(single.oAuthEndpoint()).isEqualTo("https://login.microsoftonline.com/home-tenant");
        assertThat(multi.oAuthEndpoint()).isEqualTo("https://login.microsoftonline.com/botframework.com");
        assertThat(single.oAuthScope()).isEqualTo("https://api.botframework.com/.default");
        assertThat(TeamsAdapter.credentialsFor(TeamsSettings.insecureLocalOnly())
                        .getAppId())
                .isNull();
    }
}
