package io.docent.teams.access;

import static io.docent.teams.testing.Fixtures.APP_ID;
import static io.docent.teams.testing.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.Asker;
import io.docent.core.Audience;
import io.docent.core.Identity;
import io.docent.core.Identity.Standing;
import io.docent.teams.activity.ConversationContext;
import io.docent.teams.activity.ConversationContext.Kind;
import io.docent.teams.testing.FakeBotConnector;
import io.docent.teams.testing.FakeBotConnector.Member;
import io.docent.teams.testing.FixedTokenCredentials;
import io.docent.teams.testing.People;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who asks and who sees the answer, asked of a Bot Connector on 127.0.0.1 that answers in the documented shapes. */
class RosterAskersTest {

    private static final String CHANNEL = "19:c0ffee0000000000000000000000c0de@thread.tacv2";
    private static final String GROUP = "19:groupchat-abc@thread.v2";

    private final FakeBotConnector connector = FakeBotConnector.start();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final RosterAskers askers = askers(TENANT);

    private RosterAskers askers(String homeTenant) {
        return new RosterAskers(
                new ConnectorRoster(new FixedTokenCredentials(APP_ID), Duration.ofSeconds(5)),
                homeTenant,
                Duration.ofMinutes(10),
                Duration.ofMinutes(5),
                ticker);
    }

    @AfterEach
    void stop() {
        connector.close();
    }

    private Asking personal(String chat, Member who) {
        return new Asking(
                connector.serviceUrl(),
                who.id(),
                who.aadObjectId(),
                new ConversationContext(chat, Kind.PERSONAL, TENANT, "", ""),
                Set.of());
    }

    private Asking inChannel(Member who, Set<String> grants) {
        return new Asking(
                connector.serviceUrl(),
                who.id(),
                who.aadObjectId(),
                new ConversationContext(CHANNEL + ";messageid=17", Kind.CHANNEL, TENANT, "19:team", CHANNEL),
                grants);
    }

    private Asking inGroupChat(Member who) {
        return new Asking(
                connector.serviceUrl(),
                who.id(),
                who.aadObjectId(),
                new ConversationContext(GROUP, Kind.GROUP_CHAT, TENANT, "", ""),
                Set.of());
    }

    @Test
    void a_tenant_member_in_a_1_1_chat_is_a_member_with_email_privately() {
        connector.roster("a:alice-chat", People.ALICE);

        Asker asker = askers.resolve(personal("a:alice-chat", People.ALICE));

        assertThat(asker.identity())
                .isEqualTo(new Identity(
                        "teams", People.ALICE.aadObjectId(), TENANT, "alice@example.com", Standing.MEMBER));
        assertThat(asker.audience()).isEqualTo(Audience.PRIVATE);
        assertThat(connector.lookups()).singleElement().satisfies(get -> {
            assertThat(get.path()).isEqualTo("/v3/conversations/a:alice-chat/members/" + People.ALICE.id());
            assertThat(get.authorization()).isEqualTo("Bearer " + FixedTokenCredentials.TOKEN);
        });
    }

    @Test
    void a_guest_and_a_member_of_another_tenant_are_told_apart() {
        connector.roster("a:gina", People.GINA_GUEST).roster("a:eve", People.EVE_EXTERNAL);

        assertThat(askers.resolve(personal("a:gina", People.GINA_GUEST))
                        .identity()
                        .standing())
                .isEqualTo(Standing.GUEST);
        assertThat(askers.resolve(personal("a:eve", People.EVE_EXTERNAL))
                        .identity()
                        .standing())
                .isEqualTo(Standing.EXTERNAL);
    }

    @Test
    void without_a_configured_tenant_the_conversations_tenant_is_home() {
        connector.roster("a:alice-chat", People.ALICE);

        assertThat(askers("")
                        .resolve(personal("a:alice-chat", People.ALICE))
                        .identity()
                        .standing())
                .isEqualTo(Standing.MEMBER);
    }

    @Test
    void a_failed_or_refused_lookup_makes_the_asker_anonymous_and_is_asked_again_next_time() {
        connector.roster("a:alice-chat", People.ALICE).failLookups(1);

        Asker failed = askers.resolve(personal("a:alice-chat", People.ALICE));
        Asker unknown = askers.resolve(personal("a:nobody-knows", People.ALICE));
        Asker again = askers.resolve(personal("a:alice-chat", People.ALICE));

        assertThat(failed.identity().standing()).isEqualTo(Standing.ANONYMOUS);
        assertThat(unknown.identity().standing()).isEqualTo(Standing.ANONYMOUS);
        assertThat(again.identity().standing()).isEqualTo(Standing.MEMBER);
    }

    @Test
    void a_member_record_for_another_object_id_than_the_activitys_makes_the_asker_anonymous() {
        connector.roster("a:alice-chat", People.ALICE);
        Asking spoofed = new Asking(
                connector.serviceUrl(),
                People.ALICE.id(),
                People.BOB.aadObjectId(),
                new ConversationContext("a:alice-chat", Kind.PERSONAL, TENANT, "", ""),
                Set.of());

        assertThat(askers.resolve(spoofed).identity().standing()).isEqualTo(Standing.ANONYMOUS);
    }

    @Test
    void members_are_cached_for_their_ttl() {
        connector.roster("a:alice-chat", People.ALICE);

        askers.resolve(personal("a:alice-chat", People.ALICE));
        askers.resolve(personal("a:alice-chat", People.ALICE));
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        askers.resolve(personal("a:alice-chat", People.ALICE));

        assertThat(connector.lookups()).hasSize(2);
    }

    @Test
    void a_channel_of_the_organisations_own_people_is_shared_with_its_grants() {
        connector.roster(CHANNEL, People.ALICE, People.BOB, People.MEGAN);

        Asker asker = askers.resolve(inChannel(People.ALICE, Set.of("it-staff")));

        assertThat(asker.identity().standing()).isEqualTo(Standing.MEMBER);
        assertThat(asker.audience()).isEqualTo(new Audience(Audience.Kind.SHARED, Set.of("it-staff")));
        assertThat(connector.lookups())
                .extracting(FakeBotConnector.Received::path)
                .contains("/v3/conversations/" + CHANNEL + "/pagedmembers");
    }

    @Test
    void a_channel_with_one_guest_is_shared_with_guests_across_pages() {
        connector.pageSize(2).roster(CHANNEL, People.ALICE, People.BOB, People.MEGAN, People.GINA_GUEST);

        Audience audience = askers.resolve(inChannel(People.ALICE, Set.of())).audience();

        assertThat(audience.kind()).isEqualTo(Audience.Kind.SHARED_WITH_GUESTS);
        assertThat(connector.lookups())
                .filteredOn(r -> r.path().endsWith("/pagedmembers"))
                .hasSize(2);
    }

    @Test
    void a_group_chat_with_another_tenants_member_is_shared_with_other_organisations() {
        connector.roster(GROUP, People.ALICE, People.EVE_EXTERNAL);

        assertThat(askers.resolve(inGroupChat(People.ALICE)).audience().kind())
                .isEqualTo(Audience.Kind.SHARED_WITH_OTHER_ORGANISATIONS);
    }

    @Test
    void a_shared_channel_counts_as_shared_with_other_organisations_without_asking() {
        Asking asking = new Asking(
                connector.serviceUrl(),
                People.ALICE.id(),
                People.ALICE.aadObjectId(),
                new ConversationContext(CHANNEL + ";messageid=1", Kind.CHANNEL, TENANT, "", CHANNEL, true),
                Set.of("it-staff"));
        connector.roster(CHANNEL, People.ALICE);

        Audience audience = askers.resolve(asking).audience();

        assertThat(audience.kind()).isEqualTo(Audience.Kind.SHARED_WITH_OTHER_ORGANISATIONS);
        assertThat(connector.lookups()).noneMatch(r -> r.path().endsWith("/pagedmembers"));
    }

    @Test
    void a_member_list_that_cannot_be_read_counts_as_shared_with_guests_never_as_shared() {
        Audience unknownChannel =
                askers.resolve(inChannel(People.ALICE, Set.of("it-staff"))).audience();
        connector.roster(CHANNEL).roster(GROUP, People.ALICE);
        Audience emptyList = askers.resolve(inChannel(People.ALICE, Set.of())).audience();
        connector.failLookups(2);
        Audience failing = askers.resolve(inGroupChat(People.ALICE)).audience();

        assertThat(unknownChannel).isEqualTo(new Audience(Audience.Kind.SHARED_WITH_GUESTS, Set.of("it-staff")));
        assertThat(emptyList.kind()).isEqualTo(Audience.Kind.SHARED_WITH_GUESTS);
        assertThat(failing.kind()).isEqualTo(Audience.Kind.SHARED_WITH_GUESTS);
    }

    @Test
    void the_audience_is_cached_per_conversation_for_its_ttl() {
        connector.roster(CHANNEL, People.ALICE, People.BOB);

        askers.resolve(inChannel(People.ALICE, Set.of()));
        connector.roster(CHANNEL, People.ALICE, People.BOB, People.GINA_GUEST);
        Audience cached = askers.resolve(inChannel(People.BOB, Set.of())).audience();
        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        Audience fresh = askers.resolve(inChannel(People.BOB, Set.of())).audience();

        assertThat(cached.kind()).isEqualTo(Audience.Kind.SHARED);
        assertThat(fresh.kind()).isEqualTo(Audience.Kind.SHARED_WITH_GUESTS);
    }
}
