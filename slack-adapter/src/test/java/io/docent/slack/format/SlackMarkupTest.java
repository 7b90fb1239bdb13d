package io.docent.slack.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SlackMarkupTest {

    private static final UnaryOperator<String> NAMES =
            id -> Map.of("U1", "Alice").getOrDefault(id, id);

    @Test
    void removes_the_bots_own_mention() {
        assertThat(SlackMarkup.toPlainText("<@UBOT> how many holidays?", "UBOT", NAMES))
                .isEqualTo("how many holidays?");
    }

    @Test
    void resolves_other_mentions_to_names() {
        assertThat(SlackMarkup.toPlainText("<@UBOT> ask <@U1> or <@U2|bob>", "UBOT", NAMES))
                .isEqualTo("ask @Alice or @U2");
    }

    @Test
    void unescapes_entities_after_the_markup() {
        assertThat(SlackMarkup.toPlainText("R&amp;D &lt;b&gt; &amp;lt;", "UBOT", NAMES))
                .isEqualTo("R&D <b> &lt;");
    }

    @Test
    void turns_links_channels_and_specials_into_readable_text() {
        assertThat(SlackMarkup.toPlainText(
                        "see <https://x.io/a|the page>, <https://y.io>, <mailto:a@b.io|a@b.io> in <#C1|hr> or <#C2> <!here> <!subteam^S1|@ops>",
                        "UBOT",
                        NAMES))
                .isEqualTo("see the page (https://x.io/a), https://y.io, a@b.io in #hr or #C2 @here @ops");
    }

    @Test
    void tells_whether_the_bot_or_someone_else_is_mentioned() {
        assertThat(SlackMarkup.mentions("hi <@UBOT>", "UBOT")).isTrue();
        assertThat(SlackMarkup.mentions("hi <@UBOT|docent>", "UBOT")).isTrue();
        assertThat(SlackMarkup.mentions("hi <@U1>", "UBOT")).isFalse();
        assertThat(SlackMarkup.mentionsSomeoneElse("<@UBOT> and <@U1>", "UBOT")).isTrue();
        assertThat(SlackMarkup.mentionsSomeoneElse("<@UBOT> and <#C1>", "UBOT")).isFalse();
    }
}
