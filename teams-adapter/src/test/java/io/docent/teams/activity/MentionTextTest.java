package io.docent.teams.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import io.docent.teams.testing.Fixtures;
import org.junit.jupiter.api.Test;

class MentionTextTest {

    @Test
    void strips_a_bot_name_with_regex_characters_literally() {
        Activity activity = Fixtures.activity("channel-mention")
                .with("botName", "Docent (beta)* [HR]+?")
                .with("text", "What is the travel policy?")
                .parse();

        assertThat(MentionText.mentionsBot(activity)).isTrue();
        assertThat(MentionText.question(activity)).isEqualTo("What is the travel policy?");
    }

    @Test
    void keeps_other_peoples_names_and_unescapes_html() {
        Activity activity = Fixtures.activity("channel-mention")
                .with("text", "does <at>Megan Example</at> need R&amp;D access &lt;now&gt;?")
                .parse();

        assertThat(MentionText.question(activity)).isEqualTo("does Megan Example need R&D access <now>?");
    }

    @Test
    void a_mention_in_the_middle_is_removed_too() {
        Activity activity = Fixtures.activity("channel-mention").parse();
        activity.setText("Hey <at>" + Fixtures.BOT_NAME + "</at>, how   do I\u00a0reset my password?");

        assertThat(MentionText.question(activity)).isEqualTo("Hey , how do I reset my password?");
    }

    @Test
    void a_message_mentioning_only_someone_else_does_not_mention_the_bot() {
        Activity activity = Fixtures.activity("channel-mention").parse();
        activity.getEntities().get(0).getProperties().get("mentioned");
        activity.setRecipient(new com.microsoft.bot.schema.ChannelAccount("28:some-other-bot", "Other"));

        assertThat(MentionText.mentionsBot(activity)).isFalse();
    }

    @Test
    void a_personal_message_without_mentions_is_its_text() {
        Activity activity = Fixtures.activity("personal-message")
                .with("text", "  How do I get VPN access?  ")
                .parse();

        assertThat(MentionText.mentionsBot(activity)).isFalse();
        assertThat(MentionText.question(activity)).isEqualTo("How do I get VPN access?");
    }
}
