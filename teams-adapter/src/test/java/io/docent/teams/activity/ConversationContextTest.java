package io.docent.teams.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import io.docent.teams.activity.ConversationContext.Kind;
import io.docent.teams.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationContextTest {

    @Test
    void a_channel_thread_is_keyed_by_its_root_message() {
        ConversationContext where = ConversationContext.of(Fixtures.activity("channel-mention")
                .with("root", "1741080000999")
                .parse());

        assertThat(where.kind()).isEqualTo(Kind.CHANNEL);
        assertThat(where.conversationId()).endsWith(";messageid=1741080000999");
        assertThat(where.channelId()).isEqualTo(Fixtures.CHANNEL_ID);
        assertThat(where.rosterId()).isEqualTo(Fixtures.CHANNEL_ID);
        assertThat(where.teamId()).isEqualTo(Fixtures.TEAM_ID);
        assertThat(where.tenantId()).isEqualTo(Fixtures.TENANT);
        assertThat(where.place()).isEqualTo(Fixtures.CHANNEL_ID);
        assertThat(where.sharedChannel()).isFalse();
    }

    @Test
    void the_channel_is_the_one_the_reply_goes_to_not_the_one_channel_data_names() {
        Activity activity = Fixtures.activity("channel-mention").parse();
        activity.setChannelData(Map.of(
                "channel", Map.of("id", "19:hr-only@thread.tacv2"),
                "team", Map.of("id", "19:hr-team@thread.tacv2"),
                "tenant", Map.of("id", Fixtures.TENANT)));

        ConversationContext where = ConversationContext.of(activity);

        assertThat(where.channelId()).isEqualTo(Fixtures.CHANNEL_ID);
        assertThat(where.teamId()).isEmpty(); // the two disagree: the team is not trusted
    }

    @Test
    void a_shared_channel_is_recognised_from_its_membership_type() {
        Activity activity = Fixtures.activity("channel-mention").parse();
        activity.setChannelData(Map.of(
                "channel", Map.of("id", Fixtures.CHANNEL_ID, "membershipType", "shared"),
                "tenant", Map.of("id", Fixtures.TENANT)));

        assertThat(ConversationContext.of(activity).sharedChannel()).isTrue();
    }

    @Test
    void personal_and_group_chats_have_no_team_or_channel() {
        ConversationContext personal =
                ConversationContext.of(Fixtures.activity("personal-message").parse());
        ConversationContext group =
                ConversationContext.of(Fixtures.activity("group-chat-message").parse());

        assertThat(personal.kind()).isEqualTo(Kind.PERSONAL);
        assertThat(group.kind()).isEqualTo(Kind.GROUP_CHAT);
        assertThat(group.channelId()).isEmpty();
        assertThat(group.place()).isEqualTo(group.conversationId());
        assertThat(group.rosterId()).isEqualTo(group.conversationId());
    }

    @Test
    void the_tenant_comes_from_channel_data_when_the_conversation_lacks_it() {
        Activity activity = Fixtures.activity("personal-message").parse();
        activity.getConversation().setTenantId(null);

        assertThat(ConversationContext.of(activity).tenantId()).isEqualTo(Fixtures.TENANT);
    }
}
