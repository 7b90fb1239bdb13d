package io.docent.slack.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.slack.event.IncomingMessage.Source;
import io.docent.slack.event.Triage.Decision;
import org.junit.jupiter.api.Test;

class TriageTest {

    private static final BotIdentity BOT = new BotIdentity("UBOT", "BBOT", "T1");
    private final Triage triage = new Triage(BOT, true, true);

    private static IncomingMessage message(
            Source source,
            String channelType,
            String user,
            String botId,
            String subtype,
            String text,
            String threadTs,
            boolean edited) {
        return new IncomingMessage(
                "Ev1",
                source,
                channelType.equals("im") ? "D1" : "C1",
                channelType,
                user,
                "T1",
                botId,
                subtype,
                text,
                "1700000002.000100",
                threadTs,
                edited);
    }

    private static IncomingMessage person(Source source, String channelType, String text, String threadTs) {
        return message(source, channelType, "U1", "", "", text, threadTs, false);
    }

    @Test
    void answers_a_mention_and_a_direct_message() {
        assertThat(triage.decide(person(Source.APP_MENTION, "", "<@UBOT> holidays?", "")))
                .isEqualTo(Decision.ANSWER);
        assertThat(triage.decide(person(Source.MESSAGE, "channel", "<@UBOT> holidays?", "")))
                .isEqualTo(Decision.ANSWER);
        assertThat(triage.decide(person(Source.MESSAGE, "im", "holidays?", ""))).isEqualTo(Decision.ANSWER);
    }

    @Test
    void helps_when_a_mention_has_no_question() {
        assertThat(triage.decide(person(Source.APP_MENTION, "", "<@UBOT>   ", "")))
                .isEqualTo(Decision.HELP);
    }

    @Test
    void ignores_channel_messages_without_a_mention_outside_threads() {
        assertThat(triage.decide(person(Source.MESSAGE, "channel", "lunch?", "")))
                .isEqualTo(Decision.IGNORE);
    }

    @Test
    void checks_replies_in_threads_as_possible_follow_ups() {
        assertThat(triage.decide(person(Source.MESSAGE, "channel", "and for interns?", "1700000001.000100")))
                .isEqualTo(Decision.MAYBE_FOLLOW_UP);
    }

    @Test
    void leaves_replies_addressed_to_someone_else_alone() {
        assertThat(triage.decide(person(Source.MESSAGE, "channel", "<@U2> can you check?", "1700000001.000100")))
                .isEqualTo(Decision.IGNORE);
    }

    @Test
    void does_not_check_follow_ups_when_turned_off() {
        var noFollowUps = new Triage(BOT, false, true);

        assertThat(noFollowUps.decide(person(Source.MESSAGE, "channel", "and for interns?", "1700000001.000100")))
                .isEqualTo(Decision.IGNORE);
    }

    @Test
    void ignores_itself_edits_subtypes_and_other_bots() {
        assertThat(triage.decide(message(Source.MESSAGE, "im", "UBOT", "BBOT", "", "an answer", "", false)))
                .isEqualTo(Decision.IGNORE);
        assertThat(triage.decide(message(Source.MESSAGE, "im", "", "BBOT", "bot_message", "an answer", "", false)))
                .isEqualTo(Decision.IGNORE);
        assertThat(triage.decide(message(Source.APP_MENTION, "", "U1", "", "", "<@UBOT> edited", "", true)))
                .isEqualTo(Decision.IGNORE);
        assertThat(triage.decide(
                        message(Source.MESSAGE, "channel", "U1", "", "channel_join", "<@U1> joined", "", false)))
                .isEqualTo(Decision.IGNORE);
        assertThat(triage.decide(message(Source.APP_MENTION, "", "U2", "B2", "", "<@UBOT> hi", "", false)))
                .isEqualTo(Decision.IGNORE);
        assertThat(triage.decide(message(Source.APP_MENTION, "", "U2", "", "bot_message", "<@UBOT> hi", "", false)))
                .isEqualTo(Decision.IGNORE);
    }

    @Test
    void answers_other_bots_when_configured_to() {
        var welcomesBots = new Triage(BOT, true, false);

        assertThat(welcomesBots.decide(
                        message(Source.APP_MENTION, "", "U2", "B2", "bot_message", "<@UBOT> hi", "", false)))
                .isEqualTo(Decision.ANSWER);
        assertThat(welcomesBots.decide(message(Source.MESSAGE, "im", "UBOT", "BBOT", "", "an answer", "", false)))
                .isEqualTo(Decision.IGNORE);
    }
}
