package io.docent.indexer.confluence;

import io.docent.core.AccessGroups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who may read a page, from the permission objects of {@code entities.xml}, as Docent's access groups. Access is
 * fail-closed ({@link AccessGroups}): a page is public only when its space says so.
 *
 * <ul>
 *   <li>A space's {@code VIEWSPACE} permissions name who may read it. Confluence writes four kinds (its {@code
 *       SpacePermissionSubjectType}): a {@code group}; a user ({@code userSubject}, a user key, or in old exports a
 *       {@code userName}); all logged-in users (an {@code allUsersSubject}), which becomes {@link
 *       AccessGroups#EMPLOYEES}; and anonymous access, a permission with none of these, which becomes {@link
 *       AccessGroups#PUBLIC}. The space's pages get all of them (a reader needs any one).
 *   <li>A space with no {@code VIEWSPACE} permission in the export is not public: its pages get no groups
 *       (administrators only) and the reader reports the space, unless the admin declared the source public.
 *   <li>A {@code View} restriction ({@code ContentPermissionSet}) on a page or on any of its ancestors narrows that
 *       to the groups and users the restriction names; Confluence inherits view restrictions downwards. When several
 *       levels are restricted, a reader must pass all of them, so the page gets the groups common to all levels; when
 *       no group is common, it gets {@link #NO_ONE}, which no asker holds (only administrators see it). A restriction
 *       is never widened by the space's permissions nor by a source declared public.
 * </ul>
 *
 * <p>Groups keep their Confluence names ({@code confluence-users}); a group whose name starts with Docent's reserved
 * prefix ({@code docent:}) is renamed {@code confluence:<name>}, so no Confluence group can pass for Docent's public
 * or employees groups. A user becomes {@code user:NAME} and, when the export gives the user's email, also {@code
 * user:<email>}, since email is how the chat platforms' people are matched with Confluence's. A restricted page is
 * therefore usually narrower than its space, which is as it should be; the one way this errs is towards openness
 * inside a restriction, for a user who is named by a page restriction but may not view the space.
 *
 * <p>Confluence also has a global "anonymous access" switch; a space export does not always carry it, so anonymous
 * {@code VIEWSPACE} alone makes the space public.
 */
final class ConfluencePermissions {

    /** The access group of a page whose restrictions leave no one able to read it. */
    static final String NO_ONE = "confluence:no-one";

    /**
     * A page's access groups.
     *
     * @param groups who may read it; empty means administrators only
     * @param declared whether the export says who may read it (its space's {@code VIEWSPACE}, or a restriction)
     */
    record Access(Set<String> groups, boolean declared) {
        Access {
            groups = Set.copyOf(groups);
        }
    }

    /** Principals are kept tagged, so that no group name can pass for a user: {@code g} and a group's name... */
    private static final char GROUP = 'g';

    /** ...or {@code u} and a user key (or, in old exports, a user name). */
    private static final char USER = 'u';

    /** Space id to the principals of its {@code VIEWSPACE} permissions. */
    private final Map<String, Set<String>> spaceViewers = new HashMap<>();
    /** Permission set id to the content it restricts, for {@code View} sets only. */
    private final Map<String, String> viewSets = new HashMap<>();
    /** Permission set id to the principals it admits. */
    private final Map<String, Set<String>> setPrincipals = new HashMap<>();

    /** Takes in a {@code SpacePermission}, {@code ContentPermissionSet} or {@code ContentPermission}. */
    void accept(XmlObject object) {
        switch (object.type()) {
            case "SpacePermission" -> {
                String space = object.get("space");
                if (space.isEmpty() || !object.get("type").equalsIgnoreCase("VIEWSPACE")) {
                    return; // global permissions (USECONFLUENCE...) and other rights than reading
                }
                String principal = principal(object, "group");
                if (principal == null) {
                    principal = GROUP
                            + (object.get("allUsersSubject").isBlank() ? AccessGroups.PUBLIC : AccessGroups.EMPLOYEES);
                }
                spaceViewers.computeIfAbsent(space, k -> new LinkedHashSet<>()).add(principal);
            }
            case "ContentPermissionSet" -> {
                if (object.get("type").equalsIgnoreCase("View")
                        && !object.get("owningContent").isEmpty()) {
                    viewSets.put(object.id(), object.get("owningContent"));
                }
            }
            case "ContentPermission" -> {
                String principal = principal(object, "groupName");
                String set = object.get("owningSet");
                if (principal != null && !set.isEmpty()) {
                    setPrincipals
                            .computeIfAbsent(set, k -> new LinkedHashSet<>())
                            .add(principal);
                }
            }
            default -> {}
        }
    }

    /**
     * The access groups of a page.
     *
     * @param chain the page's id then its ancestors' ids, innermost first
     * @param spaceId the page's space
     * @param userGroups turns a user key or name into the user's groups ({@code user:NAME}, {@code user:<email>})
     */
    Access accessGroups(List<String> chain, String spaceId, Function<String, Collection<String>> userGroups) {
        Map<String, Set<String>> restrictions = restrictionsByContent();
        Set<String> allowed = null;
        for (String id : chain) {
            Set<String> level = restrictions.get(id);
            if (level != null) {
                if (allowed == null) {
                    allowed = new TreeSet<>(level);
                } else {
                    allowed.retainAll(level);
                }
            }
        }
        if (allowed == null) {
            Set<String> viewers = spaceViewers.get(spaceId);
            if (viewers == null) {
                return new Access(Set.of(), false);
            }
            allowed = viewers;
        } else if (allowed.isEmpty()) {
            return new Access(Set.of(NO_ONE), true);
        }
        Set<String> groups = new TreeSet<>();
        for (String principal : allowed) {
            String name = principal.substring(1);
            if (principal.charAt(0) == GROUP) {
                groups.add(name);
            } else {
                groups.addAll(userGroups.apply(name)); // a user key, or a user name in old exports
            }
        }
        return new Access(groups, true);
    }

    private Map<String, Set<String>> byContent;

    /** Content id to the principals of its view restrictions (several sets on one page add up). */
    private Map<String, Set<String>> restrictionsByContent() {
        if (byContent == null) {
            byContent = new HashMap<>();
            viewSets.forEach((set, content) -> {
                Set<String> principals = setPrincipals.getOrDefault(set, Set.of());
                if (!principals.isEmpty()) { // a set that names no one restricts nothing
                    byContent.computeIfAbsent(content, k -> new HashSet<>()).addAll(principals);
                }
            });
        }
        return byContent;
    }

    /**
     * The principal a permission names, tagged by its first character: {@link #GROUP} and a group's name, or {@link
     * #USER} and a user key or name; {@code null} when it names no one. A group name in Docent's reserved namespace
     * is moved out of it.
     */
    private static String principal(XmlObject permission, String groupProperty) {
        String group = permission.get(groupProperty).strip();
        if (!group.isEmpty()) {
            boolean reserved = group.toLowerCase(Locale.ROOT).startsWith(AccessGroups.RESERVED_PREFIX);
            return GROUP + (reserved ? "confluence:" + group : group);
        }
        for (String userProperty : List.of("userSubject", "userName", "username")) {
            String user = permission.get(userProperty).strip();
            if (!user.isEmpty()) {
                return USER + user;
            }
        }
        return null;
    }

    /** How many spaces and restrictions were found, for a log line. */
    String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(spaceViewers.size() + " space(s) with view permissions");
        parts.add(spaceViewers.values().stream()
                        .filter(v -> v.contains(GROUP + AccessGroups.PUBLIC))
                        .count()
                + " public");
        parts.add(viewSets.size() + " page view restriction(s)");
        return String.join(", ", parts);
    }
}
