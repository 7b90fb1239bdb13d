package io.docent.indexer.sharepoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Microsoft Graph {@code permission} objects (the {@code permissions} of a driveItem) as Docent access groups.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>Graph</th><th>access group</th></tr>
 *   <tr><td>{@code grantedToV2.group} (a Microsoft Entra group)</td><td>{@code group:<object id>}</td></tr>
 *   <tr><td>{@code grantedToV2.siteGroup} (a SharePoint group)</td><td>{@code sitegroup:<display name>}</td></tr>
 *   <tr><td>{@code grantedToV2.user}, {@code grantedToIdentitiesV2[].user}</td><td>{@code user:<email>} (lower
 *       case), else {@code user:<id>}</td></tr>
 *   <tr><td>a sharing {@code link} with scope {@code anonymous} or {@code organization}</td><td>none: everyone in
 *       the organisation may read the item</td></tr>
 * </table>
 *
 * <p>Every role ({@code read}, {@code write}, {@code owner}) includes reading. The older {@code grantedTo} and
 * {@code grantedToIdentities} fields are read too.
 */
final class GraphPermissions {

    private GraphPermissions() {}

    /** The access groups, or an empty set when the item is open to the whole organisation (or names no one). */
    static Set<String> accessGroups(JsonNode permissions) {
        Set<String> groups = new TreeSet<>();
        for (JsonNode permission : permissions) {
            String scope = permission.path("link").path("scope").asText("");
            if (scope.equals("anonymous") || scope.equals("organization")) {
                return Set.of();
            }
            for (String field : new String[] {"grantedToV2", "grantedTo"}) {
                identitySet(permission.path(field), groups);
            }
            for (String field : new String[] {"grantedToIdentitiesV2", "grantedToIdentities"}) {
                for (JsonNode identities : permission.path(field)) {
                    identitySet(identities, groups);
                }
            }
        }
        return groups;
    }

    private static void identitySet(JsonNode set, Set<String> groups) {
        if (set.isMissingNode() || set.isNull()) {
            return;
        }
        JsonNode group = set.path("group");
        if (!group.isMissingNode()) {
            String id = group.path("id").asText("");
            groups.add("group:" + (id.isBlank() ? group.path("displayName").asText("") : id));
        }
        JsonNode siteGroup = set.path("siteGroup");
        if (!siteGroup.isMissingNode()) {
            groups.add("sitegroup:"
                    + siteGroup.path("displayName").asText(siteGroup.path("id").asText("")));
        }
        JsonNode user = set.path("user");
        if (!user.isMissingNode()) {
            String email = user.path("email").asText("");
            groups.add("user:" + (email.isBlank() ? user.path("id").asText("") : email.toLowerCase(Locale.ROOT)));
        }
        groups.removeIf(g -> g.endsWith(":"));
    }
}
