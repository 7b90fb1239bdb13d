package io.docent.indexer.confluence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes small or very large {@code entities.xml} files shaped like Confluence's (see the real 5.9 export in
 * {@code shared/data/exports/confluence/xml-export-5.9}), for tests and the memory benchmark.
 */
final class EntitiesXmlWriter {

    private final Writer out;

    EntitiesXmlWriter(Writer out) {
        this.out = out;
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hibernate-generic datetime=\"2026-03-10 09:41:00\">\n");
    }

    /** A space with the given id, key and name. */
    EntitiesXmlWriter space(String id, String key, String name) {
        return raw("<object class=\"Space\" package=\"com.atlassian.confluence.spaces\">\n<id name=\"id\">" + id
                + "</id>\n<property name=\"name\"><![CDATA[" + name + "]]></property>\n"
                + "<property name=\"key\"><![CDATA[" + key + "]]></property>\n</object>\n");
    }

    /** A current page; {@code parent} may be null, {@code bodyId} may be null (no body list). */
    EntitiesXmlWriter page(String id, String title, String parent, String bodyId) {
        return page("Page", id, title, parent, bodyId, "current", null);
    }

    EntitiesXmlWriter page(
            String type, String id, String title, String parent, String bodyId, String status, String original) {
        StringBuilder s = new StringBuilder();
        s.append("<object class=\"").append(type).append("\" package=\"com.atlassian.confluence.pages\">\n");
        s.append("<id name=\"id\">").append(id).append("</id>\n");
        if (parent != null) {
            s.append("<property name=\"parent\" class=\"Page\" package=\"com.atlassian.confluence.pages\">")
                    .append("<id name=\"id\">")
                    .append(parent)
                    .append("</id>\n</property>\n");
        }
        s.append("<property name=\"space\" class=\"Space\" package=\"com.atlassian.confluence.spaces\">")
                .append("<id name=\"id\">100</id>\n</property>\n");
        if (title != null) {
            s.append("<property name=\"title\"><![CDATA[").append(title).append("]]></property>\n");
        } else {
            s.append("<property name=\"title\"/>");
        }
        if (bodyId != null) {
            s.append("<collection name=\"bodyContents\" class=\"java.util.Collection\">")
                    .append("<element class=\"BodyContent\" package=\"com.atlassian.confluence.core\">")
                    .append("<id name=\"id\">")
                    .append(bodyId)
                    .append("</id>\n</element>\n</collection>\n");
        }
        s.append("<property name=\"lastModificationDate\">2026-03-04 16:20:05.123</property>\n");
        if (original != null) {
            s.append("<property name=\"originalVersion\" class=\"Page\" package=\"com.atlassian.confluence.pages\">")
                    .append("<id name=\"id\">")
                    .append(original)
                    .append("</id>\n</property>\n");
        }
        s.append("<property name=\"contentStatus\"><![CDATA[").append(status).append("]]></property>\n</object>\n");
        return raw(s.toString());
    }

    /** A storage-format body of a page. */
    EntitiesXmlWriter body(String id, String pageId, String storage) {
        return raw("<object class=\"BodyContent\" package=\"com.atlassian.confluence.core\">\n<id name=\"id\">" + id
                + "</id>\n<property name=\"body\"><![CDATA[" + storage.replace("]]>", "]] >") + "]]></property>\n"
                + "<property name=\"content\" class=\"Page\" package=\"com.atlassian.confluence.pages\">"
                + "<id name=\"id\">" + pageId + "</id>\n</property>\n<property name=\"bodyType\">2</property>\n"
                + "</object>\n");
    }

    /**
     * A {@code VIEWSPACE} permission of space 100, as Confluence writes its four kinds: a group, a user (by key), all
     * logged-in users (an {@code allUsersSubject}), or, with all three {@code null}, anonymous access.
     */
    EntitiesXmlWriter viewSpace(String id, String group, String userKey, String allUsersSubject) {
        return raw("<object class=\"SpacePermission\" package=\"com.atlassian.confluence.security\">\n<id name=\"id\">"
                + id + "</id>\n<property name=\"space\" class=\"Space\" package=\"com.atlassian.confluence.spaces\">"
                + "<id name=\"id\">100</id>\n</property>\n<property name=\"type\"><![CDATA[VIEWSPACE]]></property>\n"
                + (group == null ? "" : "<property name=\"group\"><![CDATA[" + group + "]]></property>\n")
                + (userKey == null ? "" : userSubject(userKey))
                + (allUsersSubject == null
                        ? "<property name=\"allUsersSubject\"/>"
                        : "<property name=\"allUsersSubject\"><![CDATA[" + allUsersSubject + "]]></property>")
                + "</object>\n");
    }

    /** A {@code View} restriction on a page: a permission set, and one permission per group ({@code key:} for a user). */
    EntitiesXmlWriter viewRestriction(String setId, String pageId, String... principals) {
        raw("<object class=\"ContentPermissionSet\" package=\"com.atlassian.confluence.security\">\n<id name=\"id\">"
                + setId + "</id>\n<property name=\"type\"><![CDATA[View]]></property>\n<property name=\"owningContent\""
                + " class=\"Page\" package=\"com.atlassian.confluence.pages\"><id name=\"id\">" + pageId
                + "</id>\n</property>\n</object>\n");
        for (int i = 0; i < principals.length; i++) {
            String p = principals[i];
            raw("<object class=\"ContentPermission\" package=\"com.atlassian.confluence.security\">\n<id name=\"id\">"
                    + setId + "-" + i + "</id>\n<property name=\"type\"><![CDATA[View]]></property>\n"
                    + (p.startsWith("key:")
                            ? userSubject(p.substring(4))
                            : "<property name=\"groupName\"><![CDATA[" + p + "]]></property>\n")
                    + "<property name=\"owningSet\" class=\"ContentPermissionSet\""
                    + " package=\"com.atlassian.confluence.security\"><id name=\"id\">" + setId
                    + "</id>\n</property>\n</object>\n");
        }
        return this;
    }

    /** A user: its key and name, with an {@code email} as newer exports write it (or none when {@code null}). */
    EntitiesXmlWriter user(String key, String name, String email) {
        return raw("<object class=\"ConfluenceUserImpl\" package=\"com.atlassian.confluence.user\">\n<id name=\"key\">"
                + "<![CDATA[" + key + "]]></id>\n<property name=\"name\"><![CDATA[" + name + "]]></property>\n"
                + (email == null ? "" : "<property name=\"email\"><![CDATA[" + email + "]]></property>\n")
                + "</object>\n");
    }

    private static String userSubject(String key) {
        return "<property name=\"userSubject\" class=\"ConfluenceUserImpl\" package=\"com.atlassian.confluence.user\">"
                + "<id name=\"key\"><![CDATA[" + key + "]]></id>\n</property>\n";
    }

    EntitiesXmlWriter raw(String xml) {
        try {
            out.write(xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Closes the root element (a test of truncated files leaves this out). */
    void end() {
        raw("</hibernate-generic>\n");
    }
}
