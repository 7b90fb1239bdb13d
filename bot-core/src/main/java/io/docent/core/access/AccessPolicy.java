package io.docent.core.access;

import io.docent.core.AccessGroups;
import io.docent.core.Asker;
import io.docent.core.Audience;
import io.docent.core.Directory;
import io.docent.core.Identity;
import io.docent.core.Question;
import io.docent.core.Scope;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may see what: turns who asks and where the answer is shown into the access groups a search may use. The one
 * place this is decided, for every surface.
 *
 * <table>
 *   <caption>What an asker may draw on</caption>
 *   <tr><th>asker</th><th>private conversation</th><th>channel of own people</th><th>channel with a guest</th>
 *       <th>channel with another organisation</th></tr>
 *   <tr><td>administrator</td><td colspan="4">everything (access not checked)</td></tr>
 *   <tr><td>member the directory knows</td><td>public, employees, {@code everyone}, own groups, {@code user:email}</td>
 *       <td>public, employees, {@code everyone}, channel grants</td><td>public, channel grants</td><td>public</td></tr>
 *   <tr><td>member the directory does not know, guest, external, anonymous</td><td colspan="4">public</td></tr>
 * </table>
 *
 * <p>It fails closed: a directory that cannot be asked makes the asker unknown, never an administrator; an identity
 * that is not a member gets public documents whatever the channel grants.
 */
public final class AccessPolicy {

    private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

    private final Directory directory;

    public AccessPolicy(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** A policy without a directory: administrators see everything, everyone else public documents only. */
    public static AccessPolicy publicOnly() {
        return new AccessPolicy(Directory.NOBODY);
    }

    /** The groups {@code asker} may read with, or {@code null} for an administrator (access not checked). */
    public Set<String> readableGroups(Asker asker) {
        Identity who = asker.identity();
        if (who.isAdministrator()) {
            return null;
        }
        Set<String> groups = new HashSet<>();
        groups.add(AccessGroups.PUBLIC);
        Audience where = asker.audience();
        if (who.standing() != Identity.Standing.MEMBER
                || where.kind() == Audience.Kind.SHARED_WITH_OTHER_ORGANISATIONS) {
            return groups;
        }
        Optional<Set<String>> own = lookUp(who);
        if (own.isEmpty()) {
            return groups;
        }
        switch (where.kind()) {
            case PRIVATE -> {
                groups.add(AccessGroups.EMPLOYEES);
                groups.addAll(directory.everyone());
                groups.addAll(own.get());
                if (!who.email().isEmpty()) {
                    groups.add(AccessGroups.user(who.email()));
                }
            }
            case SHARED -> {
                groups.add(AccessGroups.EMPLOYEES);
                groups.addAll(directory.everyone());
                groups.addAll(where.grantedGroups());
            }
            case SHARED_WITH_GUESTS -> groups.addAll(where.grantedGroups());
            case SHARED_WITH_OTHER_ORGANISATIONS -> {}
        }
        return groups;
    }

    /** {@code question}'s scope with the access groups its asker may read with. */
    public Scope scopeFor(Question question) {
        return question.scope().withAccessGroups(readableGroups(question.asker()));
    }

    /**
     * The scope the asker would have in a private conversation, when the question is asked in a shared one and that
     * private scope could find more; empty otherwise. The answer in the channel never uses it: it only tells whether
     * to offer the asker a private answer.
     */
    public Optional<Scope> privateScopeIfWider(Question question) {
        Asker asker = question.asker();
        if (asker.audience().isPrivate() || asker.identity().isAdministrator()) {
            return Optional.empty();
        }
        Set<String> shared = readableGroups(asker);
        Set<String> own = readableGroups(asker.inPrivate());
        if (own == null || shared.containsAll(own)) {
            return Optional.empty();
        }
        return Optional.of(question.scope().withAccessGroups(own));
    }

    private Optional<Set<String>> lookUp(Identity who) {
        try {
            return directory.groupsOf(who);
        } catch (RuntimeException e) {
            log.warn(
                    "Directory lookup for {} failed; answering from public documents only: {}",
                    who.logRef(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
