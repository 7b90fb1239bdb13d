package io.docent.teams.scope;

import io.docent.core.Scope;
import java.util.Objects;
import java.util.Set;

/**
 * What the scope file says about one conversation.
 *
 * @param scope the sources and spaces it may search; its access groups are always {@code null}, since what a reader
 *     may see comes from who asks and where (the access policy), never from the surface
 * @param grantedGroups the access groups the admin granted that channel or team ({@code accessGroups}): every member
 *     of a channel of the organisation's own people may read them; they become the audience's granted groups
 */
public record ScopeEntry(Scope scope, Set<String> grantedGroups) {

    /** Everything, no grants. */
    public static final ScopeEntry EVERYTHING = new ScopeEntry(Scope.ALL, Set.of());

    public ScopeEntry {
        Objects.requireNonNull(scope, "scope");
        if (scope.accessGroups() != null) {
            throw new IllegalArgumentException("scope.accessGroups must be null: grants are grantedGroups");
        }
        grantedGroups = grantedGroups == null ? Set.of() : Set.copyOf(grantedGroups);
    }
}
