package io.docent.teams.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.core.Identity;
import io.docent.core.Identity.Standing;

/**
 * One member of a Teams conversation as the Bot Connector lists it ({@code TeamsChannelAccount}:
 * {@code GET /v3/conversations/{id}/members/{userId}} and the {@code members} of {@code pagedmembers}).
 *
 * <p>What a member is to the organisation that runs Docent ({@link #standing(String)}): Teams' {@code userRole}
 * {@code guest} is an Entra B2B guest; a {@code user} of the home tenant is a member; a {@code user} of any other
 * tenant (a federated chat, a shared channel's external participant) is external. A member without a role, or
 * without a tenant, is not counted as one of the organisation's own: Docent says less when it does not know.
 *
 * @param id the Teams user id ({@code 29:...})
 * @param aadObjectId the Entra object id, or {@code ""}
 * @param email the email, or {@code ""}
 * @param userPrincipalName the UPN, or {@code ""}
 * @param tenantId the member's Entra tenant, or {@code ""}
 * @param userRole {@code user}, {@code guest}, or whatever Teams sends; {@code ""} when absent
 */
public record TeamsMember(
        String id, String aadObjectId, String email, String userPrincipalName, String tenantId, String userRole) {

    public TeamsMember {
        id = id == null ? "" : id;
        aadObjectId = aadObjectId == null ? "" : aadObjectId;
        email = email == null ? "" : email.strip();
        userPrincipalName = userPrincipalName == null ? "" : userPrincipalName.strip();
        tenantId = tenantId == null ? "" : tenantId.strip();
        userRole = userRole == null ? "" : userRole.strip();
    }

    /** Reads a {@code TeamsChannelAccount} object. */
    public static TeamsMember from(JsonNode node) {
        return new TeamsMember(
                node.path("id").asText(""),
                node.path("aadObjectId").asText(""),
                node.path("email").asText(""),
                node.path("userPrincipalName").asText(""),
                node.path("tenantId").asText(""),
                node.path("userRole").asText(""));
    }

    /** What this member is to the organisation whose tenant is {@code homeTenant}. */
    public Standing standing(String homeTenant) {
        if ("guest".equalsIgnoreCase(userRole)) {
            return Standing.GUEST;
        }
        if (!"user".equalsIgnoreCase(userRole)) {
            return Standing.GUEST; // an unknown or missing role: not one of the organisation's own
        }
        return !tenantId.isEmpty() && tenantId.equalsIgnoreCase(homeTenant) ? Standing.MEMBER : Standing.EXTERNAL;
    }

    /** This member as an identity: the Entra object id, the tenant, the email (else the UPN). */
    public Identity identity(String homeTenant) {
        String mail = email.isEmpty() ? userPrincipalName : email;
        return new Identity("teams", aadObjectId.isEmpty() ? id : aadObjectId, tenantId, mail, standing(homeTenant));
    }

    /** Ids and role only: emails never reach a log line through this record. */
    @Override
    public String toString() {
        return "TeamsMember[id=" + id + ", aadObjectId=" + aadObjectId + ", tenantId=" + tenantId + ", userRole="
                + userRole + "]";
    }
}
