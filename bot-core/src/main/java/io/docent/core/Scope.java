package io.docent.core;

import java.util.Set;

/**
 * What a question may search. An empty {@code sources} or {@code spaces} set means "no restriction" on that field.
 * {@code accessGroups} are the groups of the person asking: {@code null} means access is not checked (the command
 * line, an administrator); otherwise a chunk is visible when it has no access groups (public) or shares one with
 * the asker.
 */
public record Scope(Set<String> sources, Set<String> spaces, Set<String> accessGroups) {

    /** Everything, without access checks. */
    public static final Scope ALL = new Scope(Set.of(), Set.of(), null);

    public Scope {
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        spaces = spaces == null ? Set.of() : Set.copyOf(spaces);
        accessGroups = accessGroups == null ? null : Set.copyOf(accessGroups);
    }

    public static Scope sources(String... sources) {
        return new Scope(Set.of(sources), Set.of(), null);
    }

    /** Whether a chunk with these attributes is inside this scope. */
    public boolean admits(String source, String space, Set<String> chunkGroups) {
        if (!sources.isEmpty() && !sources.contains(source)) {
            return false;
        }
        if (!spaces.isEmpty() && (space == null || !spaces.contains(space))) {
            return false;
        }
        if (accessGroups == null || chunkGroups.isEmpty()) {
            return true;
        }
        return chunkGroups.stream().anyMatch(accessGroups::contains);
    }
}
