package io.docent.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.AccessGroups;
import io.docent.core.Asker;
import io.docent.core.Audience;
import io.docent.core.Directory;
import io.docent.core.DocentException;
import io.docent.core.Identity;
import io.docent.core.Question;
import io.docent.core.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Identity ALICE = Identity.member("slack", "U1", "T1", "Alice@Example.com");
    private static final Identity BOB = Identity.member("slack", "U2", "T1", "bob@example.com");
    private static final Identity STRANGER = Identity.member("slack", "U3", "T1", "nobody@example.com");
    private static final Identity GUEST =
            new Identity("slack", "U4", "T1", "alice@example.com", Identity.Standing.GUEST);
    private static final Identity EXTERNAL =
            new Identity("slack", "U5", "T9", "alice@example.com", Identity.Standing.EXTERNAL);

    private final Directory directory = new MapDirectory(
            Map.of("alice@example.com", Set.of("group:hr"), "bob@example.com", Set.of()), Set.of("confluence-users"));
    private final AccessPolicy policy = new AccessPolicy(directory);

    @Test
    void administrators_are_not_checked() {
        assertThat(policy.readableGroups(Asker.ADMINISTRATOR)).isNull();
        assertThat(policy.scopeFor(Question.fromAdministrator("q")).checksAccess())
                .isFalse();
    }

    @Test
    void a_known_member_in_private_reads_own_groups_everyone_groups_and_own_user_group() {
        assertThat(policy.readableGroups(Asker.privately(ALICE)))
                .containsExactlyInAnyOrder(
                        AccessGroups.PUBLIC,
                        AccessGroups.EMPLOYEES,
                        "confluence-users",
                        "group:hr",
                        "user:alice@example.com");
    }

    @Test
    void unknown_guests_external_and_anonymous_askers_read_public_documents_only() {
        for (Identity who : List.of(STRANGER, GUEST, EXTERNAL, Identity.ANONYMOUS)) {
            assertThat(policy.readableGroups(Asker.privately(who)))
                    .as(who.standing() + " " + who.email())
                    .containsExactly(AccessGroups.PUBLIC);
            assertThat(policy.readableGroups(new Asker(who, Audience.shared(false, false, Set.of("group:hr")))))
                    .as("in a granted channel: " + who.standing())
                    .containsExactly(AccessGroups.PUBLIC);
        }
    }

    @Test
    void a_channel_of_own_people_reads_what_every_employee_may_plus_its_grants_never_the_askers_own_groups() {
        var channel = new Asker(ALICE, Audience.shared(false, false, Set.of("group:it")));

        assertThat(policy.readableGroups(channel))
                .containsExactlyInAnyOrder(AccessGroups.PUBLIC, AccessGroups.EMPLOYEES, "confluence-users", "group:it");
    }

    @Test
    void a_channel_with_a_guest_loses_the_everyone_groups_but_keeps_its_grants() {
        var channel = new Asker(ALICE, Audience.shared(true, false, Set.of("group:it")));

        assertThat(policy.readableGroups(channel)).containsExactlyInAnyOrder(AccessGroups.PUBLIC, "group:it");
    }

    @Test
    void a_channel_shared_with_another_organisation_reads_public_documents_only_whatever_its_grants() {
        var channel = new Asker(ALICE, Audience.shared(true, true, Set.of("group:it")));

        assertThat(policy.readableGroups(channel)).containsExactly(AccessGroups.PUBLIC);
    }

    @Test
    void a_failing_directory_makes_the_asker_unknown_never_an_administrator() {
        Directory down = new MapDirectory(Map.of(), Set.of("confluence-users")) {
            @Override
            public Optional<Set<String>> groupsOf(Identity person) {
                throw new DocentException.Retriable("Graph is down", null);
            }
        };

        assertThat(new AccessPolicy(down).readableGroups(Asker.privately(ALICE)))
                .containsExactly(AccessGroups.PUBLIC);
    }

    @Test
    void a_private_scope_is_offered_only_when_it_is_wider_than_the_channel() {
        var inChannel = new Question(
                "salary?", List.of(), Scope.sources("wiki"), new Asker(ALICE, Audience.shared(false, false, Set.of())));
        var bobInChannel =
                new Question("salary?", List.of(), Scope.ALL, new Asker(BOB, Audience.shared(false, false, Set.of())));
        var privately = new Question("salary?", List.of(), Scope.ALL, Asker.privately(ALICE));

        assertThat(policy.privateScopeIfWider(inChannel)).hasValueSatisfying(scope -> {
            assertThat(scope.sources()).containsExactly("wiki");
            assertThat(scope.accessGroups()).contains("group:hr", "user:alice@example.com");
        });
        // Bob's own groups add only his user group, which may still name documents shared with him alone
        assertThat(policy.privateScopeIfWider(bobInChannel)).isPresent();
        assertThat(policy.privateScopeIfWider(privately)).isEmpty();
        assertThat(policy.privateScopeIfWider(new Question(
                        "q", List.of(), Scope.ALL, new Asker(GUEST, Audience.shared(false, false, Set.of())))))
                .isEmpty();
    }

    /** A directory from a map, by email. */
    static class MapDirectory implements Directory {
        private final Map<String, Set<String>> byEmail;
        private final Set<String> everyone;

        MapDirectory(Map<String, Set<String>> byEmail, Set<String> everyone) {
            this.byEmail = byEmail;
            this.everyone = everyone;
        }

        @Override
        public Optional<Set<String>> groupsOf(Identity person) {
            return Optional.ofNullable(byEmail.get(person.email()));
        }

        @Override
        public Set<String> everyone() {
            return everyone;
        }
    }
}
