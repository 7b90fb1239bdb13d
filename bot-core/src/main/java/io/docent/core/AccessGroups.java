package io.docent.core;

import java.util.Locale;

/**
 * The reserved access-group names that the indexer writes and the access policy hands out, beside the names taken from
 * the sources themselves (Confluence group names and {@code user:NAME}, {@code group:<Entra object id>},
 * {@code sitegroup:<name>}, {@code user:<email>}).
 *
 * <p>Access is fail-closed: a chunk is readable by a non-administrator only when it shares a group with them, and a
 * chunk with <em>no</em> access groups is readable by administrators alone. So a public document must say so with
 * {@link #PUBLIC}, and a document whose permissions could not be read is simply written without groups.
 */
public final class AccessGroups {

    /** Anyone who can reach Docent may read it: guests, people from other organisations, unknown askers. */
    public static final String PUBLIC = "docent:public";

    /**
     * Every employee of the organisation may read it (a SharePoint {@code organization} link): known members of the
     * directory, never guests, external people or unknown askers.
     */
    public static final String EMPLOYEES = "docent:employees";

    /** The prefix of the reserved names; no source group may start with it. */
    public static final String RESERVED_PREFIX = "docent:";

    private AccessGroups() {}

    /** The group of one person by email, as SharePoint permissions name them ({@code user:alice@example.com}). */
    public static String user(String email) {
        return "user:" + email.strip().toLowerCase(Locale.ROOT);
    }
}
