package io.docent.indexer.sharepoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.core.AccessGroups;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.Permissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Microsoft Graph {@code permission} objects (the {@code permissions} of a driveItem or site page) as Docent access
 * groups, fail-closed: an item is public only on the evidence of an {@code anonymous} link, and a permission that
 * names no one Docent can match grants nothing.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>Graph</th><th>access group</th></tr>
 *   <tr><td>a sharing {@code link} with scope {@code anonymous}</td><td>{@link AccessGroups#PUBLIC}</td></tr>
 *   <tr><td>a sharing {@code link} with scope {@code organization}</td><td>{@link AccessGroups#EMPLOYEES}</td></tr>
 *   <tr><td>{@code group} (a Microsoft Entra group)</td><td>{@code group:<object id>}</td></tr>
 *   <tr><td>{@code siteGroup} (a SharePoint group)</td><td>{@code sitegroup:<display name>}</td></tr>
 *   <tr><td>{@code user}</td><td>{@code user:<email>} (lower case), else {@code user:<id>}</td></tr>
 *   <tr><td>{@code siteUser} with an {@code email}</td><td>{@code user:<email>}</td></tr>
 *   <tr><td>{@code siteUser} without one, {@code application}, {@code device}</td><td>nothing</td></tr>
 *   <tr><td>a permission whose {@code expirationDateTime} has passed</td><td>nothing</td></tr>
 * </table>
 *
 * <p>The identities are read from {@code grantedToV2}, {@code grantedToIdentitiesV2[]} and the older {@code
 * grantedTo}, {@code grantedToIdentities[]}. Every role ({@code read}, {@code write}, {@code owner}, SharePoint's
 * named roles) includes reading; a permission that lists no role grants nothing. A {@code siteUser} is a SharePoint
 * site's own record of a person: only its email, when the export has one, says who that is (its {@code loginName}
 * is a claims string whose name part need not be the person's email, so it is not used). A link with scope {@code
 * users} grants only the people its permission names; {@code existingAccess} grants nothing new.
 *
 * <p>An expiry that cannot be parsed counts as passed. Whether a link has expired is decided against the time the
 * reader was given, so a test (or a re-run) sees the same answer.
 */
final class GraphPermissions {

    private GraphPermissions() {}

    /**
     * What an item's permissions grant.
     *
     * @param groups the access groups; empty means administrators only
     * @param declared whether the export carries permissions for the item at all; an item without them becomes public
     *     when the admin declares the source public, an item with them never does
     * @param why why the groups are empty, for the report; {@code null} when they are not
     */
    record Grant(Set<String> groups, boolean declared, String why) {

        Grant {
            groups = Set.copyOf(groups);
            if (groups.isEmpty() && (why == null || why.isBlank())) {
                throw new IllegalArgumentException("why must say why a grant names no one");
            }
        }

        /** An item the export says nothing about. */
        static Grant undeclared(String why) {
            return new Grant(Set.of(), false, why);
        }

        /**
         * The groups to index the item with: {@link AccessGroups#PUBLIC} for an undeclared item of a source declared
         * public, otherwise {@link #groups}; when that is none, a warning for the report says the item is for
         * administrators only, and why.
         */
        Set<String> resolve(boolean publicSource, String id, DocumentReader.Sink sink) {
            if (!declared && publicSource) {
                return Permissions.undeclared(true);
            }
            if (groups.isEmpty()) {
                sink.warning(id, Permissions.unknown(why));
            }
            return groups;
        }
    }

    /**
     * The grant of an item's {@code permissions}.
     *
     * @param permissions the {@code permissions} value, or {@code null} (or a missing node) when there is none
     * @param now the reading's time, against which expiry is checked
     * @param owner what holds the permissions, for the report ({@code its driveItem})
     */
    static Grant read(JsonNode permissions, Instant now, String owner) {
        if (permissions == null || permissions.isMissingNode() || permissions.isNull()) {
            return Grant.undeclared(owner + " has no \"permissions\"");
        }
        if (!permissions.isArray()) {
            return new Grant(Set.of(), true, owner + "'s \"permissions\" is not a list");
        }
        if (permissions.isEmpty()) {
            return Grant.undeclared(owner + " lists no permissions");
        }
        Set<String> groups = new TreeSet<>();
        Set<String> ignored = new LinkedHashSet<>();
        for (JsonNode permission : permissions) {
            permission(permission, now, groups, ignored);
        }
        if (!groups.isEmpty()) {
            return new Grant(groups, true, null);
        }
        return new Grant(
                Set.of(), true, owner + "'s permissions grant no one Docent can match: " + String.join(", ", ignored));
    }

    private static void permission(JsonNode permission, Instant now, Set<String> groups, Set<String> ignored) {
        if (!permission.isObject()) {
            ignored.add("an entry that is not a permission object");
            return;
        }
        boolean link = permission.has("link");
        if (expired(permission.path("expirationDateTime"), now)
                || expired(permission.path("link").path("expirationDateTime"), now)) {
            ignored.add(link ? "an expired sharing link" : "an expired permission");
            return;
        }
        if (!grantsReading(permission.path("roles"))) {
            ignored.add("a permission without roles");
            return;
        }
        // scope "users" grants the people named below, "existingAccess" nothing new
        String scope = permission.path("link").path("scope").asText("").toLowerCase(Locale.ROOT);
        boolean named = false;
        if (scope.equals("anonymous") || scope.equals("organization")) {
            groups.add(scope.equals("anonymous") ? AccessGroups.PUBLIC : AccessGroups.EMPLOYEES);
            named = true;
        }
        for (String field : new String[] {"grantedToV2", "grantedTo"}) {
            named |= identitySet(permission.path(field), groups, ignored);
        }
        for (String field : new String[] {"grantedToIdentitiesV2", "grantedToIdentities"}) {
            for (JsonNode identities : permission.path(field)) {
                named |= identitySet(identities, groups, ignored);
            }
        }
        if (!named) {
            ignored.add(link ? "a sharing link that names no one" : "a permission that names no one");
        }
    }

    /** Whether an expiry is present and not in the future; one that cannot be parsed counts as passed. */
    private static boolean expired(JsonNode expiry, Instant now) {
        String text = expiry.asText("").strip();
        if (text.isEmpty()) {
            return false;
        }
        try {
            return !Instant.parse(text).isAfter(now);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static boolean grantsReading(JsonNode roles) {
        for (JsonNode role : roles) {
            if (!role.asText("").isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Reads one identity set into {@code groups}; whether it named anyone at all (matched or not). */
    private static boolean identitySet(JsonNode set, Set<String> groups, Set<String> ignored) {
        if (!set.isObject()) {
            return false;
        }
        boolean named = false;
        JsonNode group = set.path("group");
        if (group.isObject()) {
            named |= add(groups, "group:", first(group, "id", "displayName"));
        }
        JsonNode siteGroup = set.path("siteGroup");
        if (siteGroup.isObject()) {
            named |= add(groups, "sitegroup:", first(siteGroup, "displayName", "id"));
        }
        JsonNode user = set.path("user");
        if (user.isObject()) {
            named = true;
            String email = user.path("email").asText("").strip();
            if (!email.isEmpty()) {
                groups.add(AccessGroups.user(email));
            } else {
                add(groups, "user:", user.path("id").asText(""));
            }
        }
        JsonNode siteUser = set.path("siteUser");
        if (siteUser.isObject()) {
            named = true;
            String email = siteUser.path("email").asText("").strip();
            if (!email.isEmpty()) {
                groups.add(AccessGroups.user(email));
            } else {
                ignored.add("a siteUser without an email");
            }
        }
        if (set.path("application").isObject()) {
            named = true;
            ignored.add("an application");
        }
        if (set.path("device").isObject()) {
            named = true;
            ignored.add("a device");
        }
        return named;
    }

    private static String first(JsonNode node, String field, String fallback) {
        String value = node.path(field).asText("").strip();
        return value.isEmpty() ? node.path(fallback).asText("").strip() : value;
    }

    /** Adds {@code prefix + name} unless the name is blank; whether it did. */
    private static boolean add(Set<String> groups, String prefix, String name) {
        if (name.isBlank()) {
            return false;
        }
        groups.add(prefix + name);
        return true;
    }
}
