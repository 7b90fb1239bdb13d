package io.docent.core;

import java.util.Set;

/**
 * What a search may return. An empty {@code sources} or {@code spaces} set means "no restriction" on that field.
 * {@code accessGroups} are the groups the reader holds, as the access policy resolved them: {@code null} means access
 * is not checked (an administrator); otherwise a chunk is visible only when it shares a group with the reader. A chunk
 * with no access groups is therefore visible to administrators alone (fail closed); public chunks carry
 * {@link AccessGroups#PUBLIC}.
 */
public record Scope(Set<String> sources, Set<String> spaces, Set<String> accessGroups) {

    /** Everything, without access checks. */
    public static final Scope ALL = new Scope(Set.of(), Set.of(), null);

    /** Public documents only, in every source. */
    public static final Scope PUBLIC = new Scope(Set.of(), Set.of(), Set.of(AccessGroups.PUBLIC));

    public Scope {
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        spaces = spaces == null ? Set.of() : Set.copyOf(spaces);
        accessGroups = accessGroups == null ? null : Set.copyOf(accessGroups);
    }

    public static Scope sources(String... sources) {
        return new Scope(Set.of(sources), Set.of(), null);
    }

    /** This scope's sources and spaces, read with {@code groups} ({@code null}: not checked). */
    public Scope withAccessGroups(Set<String> groups) {
        return new Scope(sources, spaces, groups);
    }

    /** Whether access is checked (anyone but an administrator). */
    public boolean checksAccess() {
        return accessGroups != null;
    }

    /** Whether a chunk with these attributes is inside this scope. */
    public boolean admits(String source, String space, Set<String> chunkGroups) {
        if (!sources.isEmpty() && !sources.contains(source)) {
            return false;
        }
        if (!spaces.isEmpty() && (space == null || !spaces.contains(space))) {
            return false;
        }
        if (accessGroups == null) {
            return true;
        }
        return chunkGroups.stream().anyMatch(accessGroups::contains);
    }
}
