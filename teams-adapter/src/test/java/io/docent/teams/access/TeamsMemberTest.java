package io.docent.teams.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.Identity;
import io.docent.core.Identity.Standing;
import org.junit.jupiter.api.Test;

class TeamsMemberTest {

    private static final String HOME = "0d3f6a7e-5b1c-4e2a-9c8d-7f6e5d4c3b2a";

    private static TeamsMember member(String json) throws Exception {
        return TeamsMember.from(new ObjectMapper().readTree(json));
    }

    @Test
    void reads_the_documented_member_shape_into_an_identity() throws Exception {
        TeamsMember alice = member("""
                {"id":"29:1aLiCe","name":"Alice Example","aadObjectId":"a11c-oid","givenName":"Alice",
                 "surname":"Example","email":"Alice@Example.com","userPrincipalName":"alice@example.com",
                 "tenantId":"%s","userRole":"user"}
                """.formatted(HOME));

        Identity identity = alice.identity(HOME);

        assertThat(identity).isEqualTo(new Identity("teams", "a11c-oid", HOME, "alice@example.com", Standing.MEMBER));
        assertThat(alice.toString()).doesNotContain("alice@").doesNotContain("Alice@");
    }

    @Test
    void a_guest_is_a_guest_even_in_the_home_tenant() throws Exception {
        assertThat(member("{\"id\":\"29:g\",\"tenantId\":\"%s\",\"userRole\":\"guest\"}".formatted(HOME))
                        .standing(HOME))
                .isEqualTo(Standing.GUEST);
    }

    @Test
    void a_user_of_another_tenant_or_of_no_known_tenant_is_external() throws Exception {
        assertThat(member("{\"id\":\"29:e\",\"tenantId\":\"other\",\"userRole\":\"user\"}")
                        .standing(HOME))
                .isEqualTo(Standing.EXTERNAL);
        assertThat(member("{\"id\":\"29:e\",\"userRole\":\"user\"}").standing(HOME))
                .isEqualTo(Standing.EXTERNAL);
        assertThat(member("{\"id\":\"29:e\",\"tenantId\":\"%s\",\"userRole\":\"user\"}".formatted(HOME))
                        .standing(""))
                .isEqualTo(Standing.EXTERNAL);
    }

    @Test
    void a_member_without_a_role_is_not_counted_as_one_of_the_organisations_own() throws Exception {
        assertThat(member("{\"id\":\"29:x\",\"tenantId\":\"%s\"}".formatted(HOME))
                        .standing(HOME))
                .isEqualTo(Standing.GUEST);
        assertThat(member("{\"id\":\"29:x\",\"tenantId\":\"%s\",\"userRole\":\"anonymous\"}".formatted(HOME))
                        .standing(HOME))
                .isEqualTo(Standing.GUEST);
    }

    @Test
    void without_an_email_the_upn_is_the_email() throws Exception {
        TeamsMember member = member(
                "{\"id\":\"29:x\",\"userPrincipalName\":\"Bob@Example.com\",\"tenantId\":\"%s\",\"userRole\":\"user\"}"
                        .formatted(HOME));

        assertThat(member.identity(HOME).email()).isEqualTo("bob@example.com");
        assertThat(member.identity(HOME).userId()).isEqualTo("29:x");
    }
}
