package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.Identity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Easy Auth's principal headers, shaped as Container Apps and App Service document them, to an identity. */
class EasyAuthPrincipalTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String ALICE_OID = "6d1f0c4e-0000-4000-8000-000000000a11";

    /** {@code X-MS-CLIENT-PRINCIPAL} for these claims, as Easy Auth writes it (long claim names for some). */
    static String principal(Map<String, String> claims) {
        String list = claims.entrySet().stream()
                .map(c -> "{\"typ\":\"" + c.getKey() + "\",\"val\":\"" + c.getValue() + "\"}")
                .collect(Collectors.joining(","));
        String json = "{\"auth_typ\":\"aad\",\"claims\":[" + list + "],"
                + "\"name_typ\":\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name\","
                + "\"role_typ\":\"http://schemas.microsoft.com/ws/2008/06/identity/claims/role\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> member(String oid, String upn) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("aud", "api://docent");
        claims.put("iss", "https://login.microsoftonline.com/" + TENANT + "/v2.0");
        claims.put("http://schemas.microsoft.com/identity/claims/objectidentifier", oid);
        claims.put("http://schemas.microsoft.com/identity/claims/tenantid", TENANT);
        claims.put("preferred_username", upn);
        claims.put("name", "Someone");
        return claims;
    }

    static Identity read(Map<String, String> claims) throws Exception {
        return EasyAuthPrincipal.read(principal(claims), "ignored-id", "ignored@example.com", TENANT)
                .orElseThrow();
    }

    @Test
    void a_member_of_our_tenant_is_a_member_with_object_id_tenant_and_sign_in_name() throws Exception {
        Identity alice = read(member(ALICE_OID, "Alice@Example.com"));

        assertThat(alice)
                .isEqualTo(new Identity("web", ALICE_OID, TENANT, "alice@example.com", Identity.Standing.MEMBER));
    }

    @Test
    void short_claim_names_are_read_too_and_the_sign_in_name_wins_over_email() throws Exception {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("oid", ALICE_OID);
        claims.put("tid", TENANT);
        claims.put("email", "ceo@example.com"); // a tenant admin can set this to anything
        claims.put("upn", "alice@example.com");

        assertThat(read(claims).email()).isEqualTo("alice@example.com");
    }

    @Test
    void a_guest_is_told_by_acct_or_by_an_identity_provider_other_than_our_tenant() throws Exception {
        Map<String, String> byAcct = member("guest-oid", "gary_partner.example#EXT#@example.onmicrosoft.com");
        byAcct.put("acct", "1");
        Map<String, String> byIdp = member("guest-oid", "gary@partner.example");
        byIdp.put("http://schemas.microsoft.com/identity/claims/identityprovider", "https://sts.windows.net/other/");
        Map<String, String> ownIdp = member(ALICE_OID, "alice@example.com");
        ownIdp.put("idp", "https://sts.windows.net/" + TENANT + "/");

        assertThat(read(byAcct).standing()).isEqualTo(Identity.Standing.GUEST);
        assertThat(read(byIdp).standing()).isEqualTo(Identity.Standing.GUEST);
        assertThat(read(ownIdp).standing()).isEqualTo(Identity.Standing.MEMBER);
    }

    @Test
    void someone_from_another_tenant_or_without_one_is_external() throws Exception {
        Map<String, String> other = member("x-oid", "eve@contoso.example");
        other.put("http://schemas.microsoft.com/identity/claims/tenantid", "another-tenant");
        Map<String, String> none = member("x-oid", "eve@contoso.example");
        none.remove("http://schemas.microsoft.com/identity/claims/tenantid");

        assertThat(read(other).standing()).isEqualTo(Identity.Standing.EXTERNAL);
        assertThat(read(none).standing()).isEqualTo(Identity.Standing.EXTERNAL);
    }

    @Test
    void without_object_id_the_principal_id_header_names_the_person() throws Exception {
        Map<String, String> claims = member(ALICE_OID, "alice@example.com");
        claims.remove("http://schemas.microsoft.com/identity/claims/objectidentifier");

        Identity alice = EasyAuthPrincipal.read(principal(claims), "principal-id-1", null, TENANT)
                .orElseThrow();

        assertThat(alice.userId()).isEqualTo("principal-id-1");
    }

    @Test
    void no_headers_is_nobody_and_headers_that_do_not_parse_are_unreadable_without_echoing_them() throws Exception {
        assertThat(EasyAuthPrincipal.read(null, null, " ", TENANT)).isEmpty();

        String notBase64 = "%%%not-base64-secretish%%%";
        String notJson = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        String noClaims = Base64.getEncoder().encodeToString("{\"auth_typ\":\"aad\"}".getBytes(StandardCharsets.UTF_8));
        String nobody = principal(Map.of("tid", TENANT, "name", "No One"));

        for (String bad : new String[] {notBase64, notJson, noClaims, nobody}) {
            assertThatThrownBy(() -> EasyAuthPrincipal.read(bad, null, null, TENANT))
                    .as(bad)
                    .isInstanceOf(EasyAuthPrincipal.Unreadable.class)
                    .hasMessageNotContaining(bad);
        }
        assertThatThrownBy(() -> EasyAuthPrincipal.read(null, "id", "alice@example.com", TENANT))
                .isInstanceOf(EasyAuthPrincipal.Unreadable.class)
                .hasMessageContaining("X-MS-CLIENT-PRINCIPAL is missing");
    }
}
