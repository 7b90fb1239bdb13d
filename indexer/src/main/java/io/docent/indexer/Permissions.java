package io.docent.indexer;

import io.docent.core.AccessGroups;
import java.util.Set;

/**
 * What every reader does with a document whose export does not say who may read it. Access is fail-closed ({@link
 * AccessGroups}): such a document gets no access groups, which means administrators only, and the report says so,
 * unless the admin declared the whole source public ({@code docent index --public}, {@link
 * ReaderBuilder#publicSource}). Permissions an export does carry are never widened by that declaration: a restricted
 * page stays restricted.
 */
public final class Permissions {

    /** The report's words for a document indexed without access groups because its permissions are unknown. */
    public static final String UNKNOWN = "permissions unknown: indexed for administrators only";

    private Permissions() {}

    /**
     * The access groups of a document whose export carries no permissions at all: {@link AccessGroups#PUBLIC} when
     * the admin declared the source public, otherwise none (administrators only).
     */
    public static Set<String> undeclared(boolean publicSource) {
        return publicSource ? Set.of(AccessGroups.PUBLIC) : Set.of();
    }

    /** The report line for a document indexed without access groups, with the reason: {@code UNKNOWN (why)}. */
    public static String unknown(String why) {
        return UNKNOWN + " (" + why + ")";
    }
}
