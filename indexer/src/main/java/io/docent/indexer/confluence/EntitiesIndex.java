package io.docent.indexer.confluence;

import io.docent.core.AccessGroups;
import io.docent.indexer.Permissions;
import io.docent.indexer.ReadFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the first pass over {@code entities.xml} learns: the current pages and blog posts (ids, titles, parents,
 * authors, but not bodies), spaces, users, labels and permissions, and which {@code BodyContent} belongs to which
 * current page. Everything here is small per page, so the index of a multi-gigabyte export stays in tens of MB.
 *
 * <p>Only the current version of a page counts: historical versions (an {@code originalVersion}), drafts (the
 * {@code Draft} class, or {@code contentStatus} {@code draft}) and trashed pages ({@code deleted}) are counted and
 * passed over.
 */
final class EntitiesIndex {

    /** The object classes the first pass reads; everything else is skipped unparsed. */
    static final Set<String> TYPES = Set.of(
            "Page",
            "BlogPost",
            "Space",
            "ConfluenceUserImpl",
            "InternalUser",
            "Label",
            "Labelling",
            "SpacePermission",
            "ContentPermissionSet",
            "ContentPermission",
            "Attachment");

    private static final Set<String> LABEL_NAMESPACES = Set.of("", "global", "team");

    private final String path;
    private final boolean publicSource;
    private final Map<String, PageInfo> pages = new LinkedHashMap<>();
    private final Map<String, String> bodyToPage = new HashMap<>();
    private final Map<String, String[]> spaces = new HashMap<>();
    private final Map<String, String> userNames = new HashMap<>();
    private final Map<String, String> displayNames = new HashMap<>();
    /** Lower-case user name to email, from the users' own objects. */
    private final Map<String, String> emails = new HashMap<>();
    /** Space id to how many documents were indexed for administrators only because the space's readers are unknown. */
    private final Map<String, Integer> undeclaredSpaces = new TreeMap<>();

    private final Map<String, String> labelNames = new HashMap<>();
    private final Map<String, List<String>> contentLabels = new HashMap<>();
    private final ConfluencePermissions permissions = new ConfluencePermissions();
    private final List<ReadFailure> duplicates = new ArrayList<>();
    private final Set<String> pagesWithoutBodyList = new HashSet<>();
    private final List<AttachmentInfo> attachments = new ArrayList<>();
    int historical;
    int drafts;
    int trashed;

    /**
     * @param path where {@code entities.xml} is inside the export, for messages
     * @param publicSource whether the admin declared the source public: pages of a space whose readers the export
     *     does not name are then public instead of for administrators only
     */
    EntitiesIndex(String path, boolean publicSource) {
        this.path = path;
        this.publicSource = publicSource;
    }

    void accept(XmlObject o) {
        switch (o.type()) {
            case "Page", "BlogPost" -> page(o);
            case "Attachment" -> {
                AttachmentInfo attachment = AttachmentInfo.of(o);
                if (attachment != null) {
                    attachments.add(attachment);
                }
            }
            case "Space" ->
                spaces.put(
                        o.id(),
                        new String[] {o.get("key").strip(), o.get("name").strip()});
            case "ConfluenceUserImpl" -> {
                userNames.put(o.id(), o.get("name").strip());
                email(o.get("name"), o.get("email"));
            }
            case "InternalUser" -> {
                String display = o.get("displayName").strip();
                if (!display.isEmpty()) {
                    displayNames.put(o.get("name").strip().toLowerCase(Locale.ROOT), display);
                }
                email(o.get("name"), o.get("emailAddress"));
            }
            case "Label" -> {
                if (LABEL_NAMESPACES.contains(o.get("namespace").strip())) {
                    labelNames.put(o.id(), o.get("name").strip());
                }
            }
            case "Labelling" -> {
                if (!o.get("content").isEmpty() && !o.get("label").isEmpty()) {
                    contentLabels
                            .computeIfAbsent(o.get("content"), k -> new ArrayList<>())
                            .add(o.get("label"));
                }
            }
            default -> permissions.accept(o);
        }
    }

    private void page(XmlObject o) {
        if (!o.get("originalVersion").isEmpty() || !o.get("originalVersionId").isBlank()) {
            historical++;
            return;
        }
        String status = o.get("contentStatus").strip().toLowerCase(Locale.ROOT);
        if (status.equals("draft")) {
            drafts++;
            return;
        }
        if (status.equals("deleted")) {
            trashed++;
            return;
        }
        if (o.id().isEmpty()) {
            return;
        }
        if (pages.containsKey(o.id())) {
            duplicates.add(new ReadFailure(
                    path + "#" + o.id(),
                    o.id(),
                    "duplicate page id " + o.id() + " ('" + o.get("title").strip()
                            + "'): the first page with this id in the export was kept"));
            return;
        }
        pages.put(o.id(), PageInfo.of(o));
        List<String> bodies = o.collection("bodyContents");
        if (bodies.isEmpty()) {
            pagesWithoutBodyList.add(o.id()); // old exports link bodies to pages only from the body's side
        }
        bodies.forEach(body -> bodyToPage.putIfAbsent(body, o.id()));
    }

    /** The current pages and blog posts, in export order. */
    Collection<PageInfo> pages() {
        return pages.values();
    }

    PageInfo page(String id) {
        return pages.get(id);
    }

    /** The current page whose body this is, or {@code null}. */
    String pageOfBody(String bodyId) {
        return bodyToPage.get(bodyId);
    }

    /** Whether some page did not list its bodies, so every body must be read to find its page. */
    boolean needsEveryBody() {
        return !pagesWithoutBodyList.isEmpty();
    }

    /** The current attachments of current pages, in export order. */
    List<AttachmentInfo> attachments() {
        return attachments.stream().filter(a -> pages.containsKey(a.pageId())).toList();
    }

    /** Pages found twice; the first one was kept. */
    List<ReadFailure> duplicates() {
        return duplicates;
    }

    /** The page's id, then its parent's, up to the root (a loop in the parents is cut). */
    List<String> chain(PageInfo page) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PageInfo p = page; p != null && seen.add(p.id()); p = pages.get(p.parentId())) {
            chain.add(p.id());
        }
        return chain;
    }

    /** The titles of the page's ancestors, outermost first. */
    List<String> breadcrumb(PageInfo page) {
        List<String> chain = chain(page);
        List<String> crumbs = new ArrayList<>();
        for (int i = chain.size() - 1; i > 0; i--) {
            String title = pages.get(chain.get(i)).title();
            if (!title.isEmpty()) {
                crumbs.add(title);
            }
        }
        return crumbs;
    }

    String spaceKey(String spaceId) {
        String[] space = spaces.get(spaceId);
        return space == null ? "" : space[0];
    }

    String spaceName(String spaceId) {
        String[] space = spaces.get(spaceId);
        return space == null ? "" : space[1];
    }

    /** The user name of a user key; a value that is no known key is taken to be a name already. */
    String userName(String keyOrName) {
        return userNames.getOrDefault(keyOrName, keyOrName);
    }

    /** The display name of a user key or name, else the user name, else {@code ""}. */
    String displayName(String keyOrName) {
        if (keyOrName == null || keyOrName.isBlank()) {
            return "";
        }
        String name = userName(keyOrName);
        return displayNames.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }

    /** The page's labels (global and team ones; personal labels are private), sorted. */
    List<String> labels(String pageId) {
        return contentLabels.getOrDefault(pageId, List.of()).stream()
                .map(labelNames::get)
                .filter(name -> name != null && !name.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * The page's access groups ({@link ConfluencePermissions}). A page of a space whose readers the export does not
     * name gets none (administrators only), or {@link AccessGroups#PUBLIC} in a source declared public; the former are
     * counted by space for {@link #undeclaredSpaces}. Called once per document (page or attachment).
     */
    Set<String> accessGroups(PageInfo page) {
        ConfluencePermissions.Access access = permissions.accessGroups(chain(page), page.spaceId(), this::userGroups);
        if (access.declared()) {
            return access.groups();
        }
        if (publicSource) {
            return Permissions.undeclared(true);
        }
        undeclaredSpaces.merge(page.spaceId(), 1, Integer::sum);
        return Set.of();
    }

    /** Space id to how many documents were indexed for administrators only because its readers are unknown. */
    Map<String, Integer> undeclaredSpaces() {
        return undeclaredSpaces;
    }

    /** A user's groups: {@code user:NAME}, and {@code user:<email>} when the export gives the user's email. */
    private List<String> userGroups(String keyOrName) {
        String name = userName(keyOrName);
        String email = emails.get(name.toLowerCase(Locale.ROOT));
        return email == null ? List.of("user:" + name) : List.of("user:" + name, AccessGroups.user(email));
    }

    private void email(String name, String email) {
        String address = email.strip();
        if (!name.isBlank() && address.contains("@")) {
            emails.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), address);
        }
    }

    /** One line about what was found, for the log. */
    String summary() {
        return String.format(
                Locale.ROOT,
                "%d current page(s) and blog post(s) in %d space(s); passed over %d historical version(s), %d draft(s),"
                        + " %d trashed; %s",
                pages.size(),
                spaces.size(),
                historical,
                drafts,
                trashed,
                permissions.summary());
    }
}
