package io.docent.indexer.confluence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Who may read a page, from the permission objects of {@code entities.xml}, as Docent's access groups.
 *
 * <ul>
 *   <li>A space's {@code VIEWSPACE} permissions name the groups (and users) that may read it. A permission with no
 *       group and no user, or with an {@code allUsersSubject}, is anonymous access: the space is public, and its
 *       pages get no access groups (everyone may read them). A space with no permission in the export is public too:
 *       the export does not say otherwise.
 *   <li>A {@code View} restriction ({@code ContentPermissionSet}) on a page or on any of its ancestors narrows that
 *       to the groups and users the restriction names; Confluence inherits view restrictions downwards. When several
 *       levels are restricted, a reader must pass all of them, so the page gets the groups common to all levels; when
 *       no group is common, it gets {@link #NO_ONE}, which no asker holds (only unscoped admin queries see it).
 * </ul>
 *
 * <p>Groups keep their Confluence names ({@code confluence-users}); a user becomes {@code user:NAME}. A restricted
 * page is therefore usually narrower than its space, which is as it should be; the one way this errs is towards
 * openness inside a restriction, for a user who is named by a page restriction but may not view the space.
 */
final class ConfluencePermissions {

    /** The access group of a page whose restrictions leave no one able to read it. */
    static final String NO_ONE = "confluence:no-one";

    private final Map<String, Set<String>> spaceViewers = new HashMap<>();
    private final Set<String> publicSpaces = new HashSet<>();
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
                if (principal == null || !object.get("allUsersSubject").isBlank()) {
                    publicSpaces.add(space);
                } else {
                    spaceViewers
                            .computeIfAbsent(space, k -> new LinkedHashSet<>())
                            .add(principal);
                }
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
     * @param userName turns a user key into a user name
     */
    Set<String> accessGroups(List<String> chain, String spaceId, UnaryOperator<String> userName) {
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
            if (publicSpaces.contains(spaceId)) {
                return Set.of();
            }
            allowed = new TreeSet<>(spaceViewers.getOrDefault(spaceId, Set.of()));
        } else if (allowed.isEmpty()) {
            return Set.of(NO_ONE);
        }
        Set<String> groups = new TreeSet<>();
        for (String principal : allowed) {
            groups.add(principal.startsWith("key:") ? "user:" + userName.apply(principal.substring(4)) : principal);
        }
        return groups;
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

    /** {@code group}, {@code key:USERKEY} or {@code user:NAME}; {@code null} when the permission names no one. */
    private static String principal(XmlObject permission, String groupProperty) {
        String group = permission.get(groupProperty).strip();
        if (!group.isEmpty()) {
            return group;
        }
        String userKey = permission.get("userSubject").strip();
        if (!userKey.isEmpty()) {
            return "key:" + userKey;
        }
        for (String nameProperty : List.of("userName", "username")) {
            String name = permission.get(nameProperty).strip();
            if (!name.isEmpty()) {
                return "user:" + name;
            }
        }
        return null;
    }

    /** How many spaces and restrictions were found, for a log line. */
    String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(spaceViewers.size() + " space(s) with view permissions");
        parts.add(publicSpaces.size() + " public");
        parts.add(viewSets.size() + " page view restriction(s)");
        return String.join(", ", parts);
    }
}
