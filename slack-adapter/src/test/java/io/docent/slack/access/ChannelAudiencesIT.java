package io.docent.slack.access;

import static io.docent.slack.testing.LocalSlackApi.BOT_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.docent.core.Audience;
import io.docent.core.Audience.Kind;
import io.docent.slack.event.BotIdentity;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.SlackPayloads;
import io.docent.slack.web.RateLimitRetry;
import io.docent.slack.web.SlackWeb;
import io.docent.slack.web.UserDirectory;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who is in a channel, asked of a local Slack Web API that answers as Slack documents it. */
class ChannelAudiencesIT {

    private static final BotIdentity WORKSPACE = new BotIdentity(BOT_USER, LocalSlackApi.BOT_ID, LocalSlackApi.TEAM);

    private LocalSlackApi api;
    private Slack slack;
    private final AtomicLong nanos = new AtomicLong();
    private ChannelAudiences audiences;

    @BeforeEach
    void start() throws Exception {
        api = new LocalSlackApi();
        api.addUser(SlackPayloads.user("U0ALICE", "Alice", "alice@example.com"));
        api.addUser(SlackPayloads.user("U0BOB", "Bob", "bob@example.com"));
        api.addUser(SlackPayloads.user("U0GUEST", "Gita", "gita@agency.example").put("is_restricted", true));
        api.addUser(SlackPayloads.user("U0SINGLE", "Sam", "sam@agency.example")
                .put("is_restricted", true)
                .put("is_ultra_restricted", true));
        api.addUser(SlackPayloads.user("U0PARTNER", "Paula", "paula@partner.example")
                .put("team_id", "T0PARTNER"));
        api.addUser(SlackPayloads.user("U0APP", "Some app", null).put("is_bot", true));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.url().toString());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
        audiences = audiences(ChannelAudiences.DEFAULT_MAX_MEMBERS);
    }

    private ChannelAudiences audiences(int maxMembers) {
        var web = new SlackWeb(slack.methods(LocalSlackApi.BOT_TOKEN), new RateLimitRetry(d -> {}, 1, Duration.ZERO));
        var users = new UserDirectory(web::userInfo, nanos::get);
        return new ChannelAudiences(web, users, WORKSPACE, maxMembers, ChannelAudiences.DEFAULT_TTL, nanos::get);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        api.close();
    }

    @Test
    void a_channel_of_the_organisations_own_people_and_bots_is_shared_reading_every_page_of_members() {
        api.conversation(SlackPayloads.channel("C0GENERAL", "general"), "U0ALICE", "U0BOB", "U0APP", BOT_USER);

        Audience audience = audiences.audienceOf("C0GENERAL", Set.of("group:hr"));

        assertThat(audience).isEqualTo(new Audience(Kind.SHARED, Set.of("group:hr")));
        assertThat(api.calls("conversations.members")).hasSize(2);
        assertThat(api.calls("conversations.members").get(1).param("cursor")).isEqualTo("page-2");
        assertThat(api.calls("conversations.info").get(0).param("include_num_members"))
                .isIn("true", "1");
    }

    @Test
    void a_guest_or_a_single_channel_guest_makes_it_a_channel_with_guests() {
        api.conversation(SlackPayloads.channel("C0PROJ", "project"), "U0ALICE", "U0GUEST", BOT_USER);
        api.conversation(SlackPayloads.channel("C0ONE", "one").put("is_private", true), "U0ALICE", "U0SINGLE");
        api.conversation(
                SlackPayloads.channel("G0MPIM", "mpdm-alice--sam-1")
                        .put("is_channel", false)
                        .put("is_mpim", true)
                        .put("is_private", true),
                "U0ALICE",
                "U0SINGLE",
                BOT_USER);

        assertThat(audiences.kindOf("C0PROJ")).isEqualTo(Kind.SHARED_WITH_GUESTS);
        assertThat(audiences.kindOf("C0ONE")).isEqualTo(Kind.SHARED_WITH_GUESTS);
        assertThat(audiences.kindOf("G0MPIM")).isEqualTo(Kind.SHARED_WITH_GUESTS);
    }

    @Test
    void a_channel_shared_with_another_organisation_is_so_without_reading_its_members() {
        api.conversation(
                SlackPayloads.channel("C0EXT", "ext-partner")
                        .put("is_shared", true)
                        .put("is_ext_shared", true),
                "U0ALICE");
        api.conversation(SlackPayloads.channel("C0PENDING", "soon").put("is_pending_ext_shared", true), "U0ALICE");
        api.conversation(SlackPayloads.channel("C0VAGUE", "vague").put("is_shared", true), "U0ALICE");

        assertThat(audiences.kindOf("C0EXT")).isEqualTo(Kind.SHARED_WITH_OTHER_ORGANISATIONS);
        assertThat(audiences.kindOf("C0PENDING")).isEqualTo(Kind.SHARED_WITH_OTHER_ORGANISATIONS);
        assertThat(audiences.kindOf("C0VAGUE")).isEqualTo(Kind.SHARED_WITH_OTHER_ORGANISATIONS);
        assertThat(api.calls("conversations.members")).isEmpty();
    }

    @Test
    void a_channel_shared_within_the_enterprise_grid_organisation_is_checked_like_any_other() {
        api.conversation(
                SlackPayloads.channel("C0ORG", "org-wide")
                        .put("is_shared", true)
                        .put("is_org_shared", true),
                "U0ALICE",
                "U0BOB");

        assertThat(audiences.kindOf("C0ORG")).isEqualTo(Kind.SHARED);
    }

    @Test
    void someone_from_another_organisation_among_the_members_makes_it_shared_with_them() {
        api.conversation(SlackPayloads.channel("C0A", "a"), "U0ALICE", "U0PARTNER");
        api.conversation(SlackPayloads.channel("C0B", "b"), "U0ALICE", "U0HIDDEN");
        api.invisibleUser("U0HIDDEN", "user_not_visible");

        assertThat(audiences.kindOf("C0A")).isEqualTo(Kind.SHARED_WITH_OTHER_ORGANISATIONS);
        assertThat(audiences.kindOf("C0B")).isEqualTo(Kind.SHARED_WITH_OTHER_ORGANISATIONS);
    }

    @Test
    void when_slack_cannot_say_it_is_never_shared_and_asks_again_next_time() {
        api.conversation(SlackPayloads.channel("C0GENERAL", "general"), "U0ALICE", "U0BOB");

        api.respondOnce("conversations.info", 200, "{\"ok\":false,\"error\":\"missing_scope\"}", Map.of());
        assertThat(audiences.kindOf("C0GENERAL")).isEqualTo(Kind.SHARED_WITH_OTHER_ORGANISATIONS);
        api.respondOnce("conversations.info", 500, "oops", Map.of());
        assertThat(audiences.kindOf("C0GENERAL")).isEqualTo(Kind.SHARED_WITH_OTHER_ORGANISATIONS);
        api.respondOnce("conversations.members", 200, "{\"ok\":false,\"error\":\"fetch_members_failed\"}", Map.of());
        assertThat(audiences.kindOf("C0GENERAL")).isEqualTo(Kind.SHARED_WITH_GUESTS);
        api.respondOnce("users.info", 200, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of());
        assertThat(audiences.kindOf("C0GENERAL")).isEqualTo(Kind.SHARED_WITH_GUESTS);

        assertThat(audiences.kindOf("C0GENERAL")).isEqualTo(Kind.SHARED);
        assertThat(api.calls("conversations.info")).hasSize(5);
        assertThat(audiences.kindOf("C0NOWHERE")).isEqualTo(Kind.SHARED_WITH_OTHER_ORGANISATIONS);
    }

    @Test
    void a_channel_larger_than_the_limit_counts_as_having_guests_without_reading_its_members() {
        api.conversation(SlackPayloads.channel("C0BIG", "big"), "U0ALICE", "U0BOB", BOT_USER);

        assertThat(audiences(2).kindOf("C0BIG")).isEqualTo(Kind.SHARED_WITH_GUESTS);
        assertThat(audiences(0).kindOf("C0BIG")).isEqualTo(Kind.SHARED_WITH_GUESTS);
        assertThat(api.calls("conversations.members")).isEmpty();
        assertThat(audiences(3).kindOf("C0BIG")).isEqualTo(Kind.SHARED);
    }

    @Test
    void remembers_a_channel_for_five_minutes_and_forgets_it_when_someone_joins() {
        api.conversation(SlackPayloads.channel("C0GENERAL", "general"), "U0ALICE", "U0BOB");
        assertThat(audiences.kindOf("C0GENERAL")).isEqualTo(Kind.SHARED);
        api.join("C0GENERAL", "U0GUEST");

        assertThat(audiences.kindOf("C0GENERAL")).as("remembered").isEqualTo(Kind.SHARED);
        audiences.forget("C0GENERAL");
        assertThat(audiences.kindOf("C0GENERAL")).isEqualTo(Kind.SHARED_WITH_GUESTS);
        api.conversation(SlackPayloads.channel("C0GENERAL", "general"), "U0ALICE", "U0BOB");
        nanos.addAndGet(ChannelAudiences.DEFAULT_TTL.plusSeconds(1).toNanos());
        assertThat(audiences.kindOf("C0GENERAL")).isEqualTo(Kind.SHARED);
        assertThat(api.calls("conversations.info")).hasSize(3);
    }
}
