package io.docent.core;

import java.util.Optional;
import java.util.Set;

/**
 * Who someone is to the documents: an {@link Identity} to the access groups the indexer writes (Confluence groups and
 * {@code user:NAME}, {@code group:<Entra object id>}, {@code sitegroup:<name>}, {@code user:<email>}).
 *
 * <p>Implementations: a directory file (the default) and Microsoft Graph; both wrapped in a cache. The access policy
 * adds {@link AccessGroups#PUBLIC}, {@link AccessGroups#EMPLOYEES}, {@link #everyone()} and the person's own
 * {@code user:<email>} itself.
 */
public interface Directory {

    /**
     * The groups {@code person} holds, or empty when the directory does not know them (they then see public documents
     * only). A person the directory knows with no groups is {@code Optional.of(Set.of())}.
     *
     * @throws DocentException when the directory cannot be asked (a backend down or throttled): the caching decorator
     *     turns that into its cached value or "unknown", never into "everything"
     */
    Optional<Set<String>> groupsOf(Identity person);

    /** Groups every employee holds (the directory file's {@code everyone}); never {@code null}. */
    Set<String> everyone();

    /** A directory that knows nobody: everyone but administrators sees public documents only. */
    Directory NOBODY = new Directory() {
        @Override
        public Optional<Set<String>> groupsOf(Identity person) {
            return Optional.empty();
        }

        @Override
        public Set<String> everyone() {
            return Set.of();
        }
    };
}
