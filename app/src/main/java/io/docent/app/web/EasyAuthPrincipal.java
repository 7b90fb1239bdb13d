package io.docent.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.core.Identity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The person Azure Container Apps' (or App Service's) built-in authentication, "Easy Auth", signed in with Entra ID,
 * read from the headers it sets after sign-in: {@code X-MS-CLIENT-PRINCIPAL} (base64 JSON {@code {"auth_typ",
 * "claims": [{"typ", "val"}], "name_typ", "role_typ"}}), {@code X-MS-CLIENT-PRINCIPAL-ID} and {@code
 * X-MS-CLIENT-PRINCIPAL-NAME}. The platform strips these headers from what clients send, which is why they are read
 * only when the operator says Easy Auth is in front ({@code DOCENT_WEB_TRUST_EASY_AUTH}).
 *
 * <p>Why each claim: the object id ({@code oid}) and tenant ({@code tid}) say who and from which organisation; the
 * email the directory joins on is the sign-in name ({@code preferred_username}, {@code upn}) before {@code email},
 * because a tenant's administrator can set {@code email} to anything while the sign-in name is on a domain the tenant
 * has verified. Easy Auth maps some claims to their long WS-Federation names, so both spellings are read. A guest
 * (Entra B2B) is told by {@code acct=1}, or by an identity provider ({@code idp}) other than our tenant's issuer; a
 * person whose tenant is not ours is external. Anything else is a member; the directory then decides what they read.
 */
final class EasyAuthPrincipal {

    static final String PRINCIPAL = "X-MS-CLIENT-PRINCIPAL";
    static final String PRINCIPAL_ID = "X-MS-CLIENT-PRINCIPAL-ID";
    static final String PRINCIPAL_NAME = "X-MS-CLIENT-PRINCIPAL-NAME";
    static final String PLATFORM = "web";
    /** A decoded principal larger than this is not one Easy Auth wrote. */
    static final int MAX_PRINCIPAL_CHARS = 64 * 1024;

    private static final String MS_CLAIMS = "http://schemas.microsoft.com/identity/claims/";
    private static final String SOAP_CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";

    /** A principal header that is not what Easy Auth writes; the message never carries the header's value. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private EasyAuthPrincipal() {}

    /**
     * The identity in the headers, or empty when no principal header is present at all.
     *
     * @param principal the {@code X-MS-CLIENT-PRINCIPAL} header, or {@code null}
     * @param principalId the {@code X-MS-CLIENT-PRINCIPAL-ID} header, or {@code null}
     * @param principalName the {@code X-MS-CLIENT-PRINCIPAL-NAME} header, or {@code null}
     * @param ourTenant the Entra tenant whose people are members here
     * @throws Unreadable when the principal is there but is not base64 JSON with a claims array, or names no one
     */
    static Optional<Identity> read(String principal, String principalId, String principalName, String ourTenant)
            throws Unreadable {
        if (blank(principal) && blank(principalId) && blank(principalName)) {
            return Optional.empty();
        }
        if (blank(principal)) {
            // The name alone says nothing of the tenant or of guests: not enough to count as a member.
            throw new Unreadable(PRINCIPAL + " is missing (only its -ID or -NAME header came)");
        }
        Map<String, String> claims = claims(principal);
        String tenant = first(claims, MS_CLAIMS + "tenantid", "tid");
        String objectId = first(claims, MS_CLAIMS + "objectidentifier", "oid");
        String userId = !objectId.isEmpty() ? objectId : strip(principalId);
        String email = email(claims, principalName);
        if (userId.isEmpty() && email.isEmpty()) {
            throw new Unreadable(PRINCIPAL + " names no one (no object id and no sign-in name)");
        }
        return Optional.of(new Identity(PLATFORM, userId, tenant, email, standing(claims, tenant, ourTenant)));
    }

    private static Identity.Standing standing(Map<String, String> claims, String tenant, String ourTenant) {
        if (tenant.isEmpty() || !tenant.equalsIgnoreCase(ourTenant)) {
            return Identity.Standing.EXTERNAL;
        }
        if ("1".equals(claims.get("acct"))) {
            return Identity.Standing.GUEST;
        }
        String idp = first(claims, MS_CLAIMS + "identityprovider", "idp");
        if (!idp.isEmpty() && !isIssuerOf(idp, tenant)) {
            return Identity.Standing.GUEST;
        }
        return Identity.Standing.MEMBER;
    }

    /** Whether {@code idp} is the tenant's own issuer ({@code https://sts.windows.net/<tid>/} or the v2.0 one). */
    private static boolean isIssuerOf(String idp, String tenant) {
        String value = idp.toLowerCase(Locale.ROOT);
        String id = tenant.toLowerCase(Locale.ROOT);
        return value.equals("https://sts.windows.net/" + id + "/")
                || value.equals("https://login.microsoftonline.com/" + id + "/v2.0");
    }

    private static String email(Map<String, String> claims, String principalName) {
        String name =
                first(claims, "preferred_username", "upn", SOAP_CLAIMS + "upn", "email", SOAP_CLAIMS + "emailaddress");
        if (name.isEmpty() && principalName != null && principalName.contains("@")) {
            name = principalName.strip();
        }
        return name.contains("@") ? name : "";
    }

    private static Map<String, String> claims(String principal) throws Unreadable {
        JsonNode root;
        try {
            byte[] json = Base64.getMimeDecoder().decode(principal.strip());
            if (json.length > MAX_PRINCIPAL_CHARS) {
                throw new Unreadable(PRINCIPAL + " is too large");
            }
            root = ChatJson.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            throw new Unreadable(PRINCIPAL + " is not base64-encoded JSON");
        }
        if (root == null || !root.isObject() || !root.path("claims").isArray()) {
            throw new Unreadable(PRINCIPAL + " has no \"claims\" array");
        }
        Map<String, String> claims = new HashMap<>();
        for (JsonNode claim : root.path("claims")) {
            JsonNode typ = claim.get("typ");
            JsonNode val = claim.get("val");
            if (typ != null && typ.isTextual() && val != null && val.isValueNode()) {
                claims.putIfAbsent(typ.asText(), val.asText().strip());
            }
        }
        return claims;
    }

    private static String first(Map<String, String> claims, String... names) {
        for (String name : names) {
            String value = claims.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
