package io.docent.teams.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.adapters.TestAdapter;
import com.microsoft.bot.builder.adapters.TestFlow;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Mention;
import io.docent.core.Answer;
import io.docent.core.Asker;
import io.docent.core.Audience;
import io.docent.core.Identity;
import io.docent.core.Turn;
import io.docent.core.UserTexts;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.core.feedback.JsonLinesFeedbackLog;
import io.docent.core.memory.CaffeineConversationStore;
import io.docent.teams.access.Asking;
import io.docent.teams.message.AnswerMessage;
import io.docent.teams.scope.TeamsScopes;
import io.docent.teams.testing.CannedAnswerer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot's conversations, driven through the SDK's own TestAdapter: turns, replies and history. */
class DocentTeamsBotFlowTest {

    private static final String BOT_ID = "28:docent-bot";
    private static final String BOT_NAME = "Docent (beta)*";

    @TempDir
    Path dir;

    private final CannedAnswerer answerer = new CannedAnswerer();
    private final CaffeineConversationStore store = new CaffeineConversationStore();
    private final List<Asking> askings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Asker asker = Asker.ANONYMOUS;

    private DocentTeamsBot bot(TestAdapter adapter) {
        var feedback = new FeedbackRecorder(
                new AnsweredMessages(), JsonLinesFeedbackLog.open(dir.resolve("feedback.jsonl")), Clock.systemUTC());
        return new DocentTeamsBot(
                answerer,
                store,
                TeamsScopes.PUBLIC_ONLY,
                feedback,
                new Replies(adapter, ""),
                asking -> {
                    askings.add(asking);
                    return asker;
                },
                AnswerDispatcher.direct());
    }

    private static TestAdapter adapter(String conversationType, String conversationId) {
        var reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl("https://smba.trafficmanager.net/emea/");
        reference.setUser(new ChannelAccount("29:user-1", "Megan"));
        reference.setBot(new ChannelAccount(BOT_ID, BOT_NAME));
        var conversation = new ConversationAccount(!"personal".equals(conversationType), conversationId, null);
        conversation.setConversationType(conversationType);
        reference.setConversation(conversation);
        return new TestAdapter(reference);
    }

    private static Activity mention(String question) {
        var mention = new Mention();
        mention.setMentioned(new ChannelAccount(BOT_ID, BOT_NAME));
        mention.setText("<at>" + BOT_NAME + "</at>");
        Activity activity = Activity.createMessageActivity();
        activity.setText("<at>" + BOT_NAME + "</at> " + question);
        List<Entity> entities = new ArrayList<>();
        entities.add(Entity.getAs(mention, Entity.class));
        activity.setEntities(entities);
        return activity;
    }

    private static Consumer<Activity> typing() {
        return reply -> assertThat(reply.getType()).isEqualTo(ActivityTypes.TYPING);
    }

    private static Consumer<Activity> answerWithCitations(String asked) {
        return reply -> {
            assertThat(reply.getType()).isEqualTo(ActivityTypes.MESSAGE);
            assertThat(reply.getText()).contains("[1]").contains("asked: " + asked);
            assertThat(reply.getAttachments()).isNullOrEmpty();
            assertThat(reply.getEntities())
                    .anySatisfy(
                            e -> assertThat(e.getProperties().get("citation")).hasSize(2));
        };
    }

    @Test
    void answers_every_message_in_a_personal_chat_and_history_grows_across_turns() {
        TestAdapter adapter = adapter("personal", "a:personal-1");

        new TestFlow(adapter, bot(adapter)::onTurn)
                .send("How do I get VPN access?")
                .assertReply(typing())
                .assertReply(answerWithCitations("How do I get VPN access?"))
                .send("and for contractors?")
                .assertReply(typing())
                .assertReply(answerWithCitations("and for contractors?"))
                .startTest()
                .join();

        assertThat(answerer.questions()).hasSize(2);
        assertThat(answerer.questions().get(0).history()).isEmpty();
        assertThat(answerer.questions().get(1).history())
                .containsExactly(
                        Turn.user("How do I get VPN access?"),
                        Turn.assistant(CannedAnswerer.cited(answerer.questions().get(0))
                                .text()));
        assertThat(store.history("a:personal-1")).hasSize(4);
    }

    @Test
    void in_a_channel_answers_only_mentions_with_the_mention_stripped_and_history_per_thread() {
        TestAdapter adapter = adapter("channel", "19:chan@thread.tacv2;messageid=100");

        new TestFlow(adapter, bot(adapter)::onTurn)
                .send("chatter between people, not for Docent")
                .send(mention("What is the travel policy?"))
                .assertReply(typing())
                .assertReply(answerWithCitations("What is the travel policy?"))
                .send(mention("and abroad?"))
                .assertReply(typing())
                .assertReply(answerWithCitations("and abroad?"))
                .startTest()
                .join();

        assertThat(answerer.questions())
                .extracting(q -> q.text())
                .containsExactly("What is the travel policy?", "and abroad?");
        assertThat(answerer.questions().get(1).history()).first().isEqualTo(Turn.user("What is the travel policy?"));
        assertThat(store.history("19:chan@thread.tacv2;messageid=100")).hasSize(4);
        assertThat(store.history("19:chan@thread.tacv2")).isEmpty();
    }

    @Test
    void the_question_carries_who_asks_and_where_and_a_scope_without_access_groups() {
        asker = new Asker(
                Identity.member("teams", "aad-1", "tenant-1", "megan@example.com"),
                Audience.shared(true, false, java.util.Set.of()));
        TestAdapter adapter = adapter("channel", "19:chan@thread.tacv2;messageid=200");

        new TestFlow(adapter, bot(adapter)::onTurn)
                .send(mention("What is the travel policy?"))
                .assertReply(typing())
                .assertReply(answerWithCitations("What is the travel policy?"))
                .startTest()
                .join();

        assertThat(answerer.questions()).singleElement().satisfies(q -> {
            assertThat(q.asker()).isEqualTo(asker);
            assertThat(q.scope().accessGroups()).isNull();
        });
        assertThat(askings).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo("29:user-1");
            assertThat(a.serviceUrl()).isEqualTo("https://smba.trafficmanager.net/emea/");
            assertThat(a.where().channelId()).isEqualTo("19:chan@thread.tacv2");
        });
    }

    @Test
    void a_channel_answer_that_could_say_more_in_private_offers_the_1_1_chat() {
        answerer.replying(q -> CannedAnswerer.cited(q).withMoreInPrivate());
        TestAdapter adapter = adapter("channel", "19:chan@thread.tacv2;messageid=300");

        new TestFlow(adapter, bot(adapter)::onTurn)
                .send(mention("What is the salary band?"))
                .assertReply(typing())
                .assertReply(reply -> assertThat(reply.getText())
                        .contains("asked: What is the salary band?")
                        .endsWith(AnswerMessage.MORE_IN_PRIVATE)
                        .contains("Ask me in a 1:1 chat"))
                .startTest()
                .join();
    }

    @Test
    void an_empty_mention_gets_help_and_no_answer() {
        TestAdapter adapter = adapter("groupChat", "19:group@thread.v2");

        new TestFlow(adapter, bot(adapter)::onTurn)
                .send(mention("  "))
                .assertReply(reply -> assertThat(reply.getText()).isEqualTo(Messages.HELP))
                .startTest()
                .join();

        assertThat(answerer.questions()).isEmpty();
    }

    @Test
    void a_failed_answer_is_a_short_honest_reply_with_a_reference_and_no_history() {
        answerer.replying(q -> Answer.failed("The language model did not answer in time."));
        TestAdapter adapter = adapter("personal", "a:personal-2");

        new TestFlow(adapter, bot(adapter)::onTurn)
                .send("How do I get VPN access?")
                .assertReply(typing())
                .assertReply(reply -> {
                    assertThat(reply.getText())
                            .startsWith("The language model did not answer in time.")
                            .containsPattern("\\(reference r-[0-9a-f]{8}\\)");
                    assertThat(reply.getAttachments()).isNullOrEmpty();
                })
                .startTest()
                .join();

        assertThat(store.history("a:personal-2")).isEmpty();
    }

    @Test
    void a_busy_answer_is_its_text_alone_with_no_card_and_no_history() {
        answerer.replying(q -> Answer.busy());
        TestAdapter adapter = adapter("personal", "a:personal-busy");

        new TestFlow(adapter, bot(adapter)::onTurn)
                .send("How do I get VPN access?")
                .assertReply(typing())
                .assertReply(reply -> {
                    assertThat(reply.getText()).isEqualTo(UserTexts.BUSY);
                    assertThat(reply.getAttachments()).isNullOrEmpty();
                })
                .startTest()
                .join();

        assertThat(store.history("a:personal-busy")).isEmpty();
    }

    @Test
    void an_answerer_that_throws_still_gets_a_reply_and_never_a_stack_trace() {
        answerer.replying(q -> {
            throw new IllegalStateException("boom at io.docent.Secret.method(Secret.java:42)");
        });
        TestAdapter adapter = adapter("personal", "a:personal-3");

        new TestFlow(adapter, bot(adapter)::onTurn)
                .send("How do I get VPN access?")
                .assertReply(typing())
                .assertReply(reply -> assertThat(reply.getText())
                        .startsWith("Sorry, something went wrong")
                        .contains("reference r-")
                        .doesNotContain("boom")
                        .doesNotContain("Exception"))
                .startTest()
                .join();
    }

    @Test
    void greets_once_when_installed_in_a_personal_chat() {
        TestAdapter adapter = adapter("personal", "a:personal-4");
        Activity installed = new Activity(ActivityTypes.CONVERSATION_UPDATE);
        List<ChannelAccount> added = new ArrayList<>();
        added.add(new ChannelAccount(BOT_ID));
        installed.setMembersAdded(added);
        Activity userJoined = new Activity(ActivityTypes.CONVERSATION_UPDATE);
        List<ChannelAccount> someone = new ArrayList<>();
        someone.add(new ChannelAccount("29:someone-else"));
        userJoined.setMembersAdded(someone);

        new TestFlow(adapter, bot(adapter)::onTurn)
                .send(installed)
                .assertReply(reply -> {
                    assertThat(reply.getText()).isEqualTo(Messages.GREETING);
                    assertThat(reply.getReplyToId()).isNull();
                })
                .send(userJoined)
                .startTest()
                .join();

        assertThat(adapter.getNextReply()).isNull();
    }

    @Test
    void a_click_on_teams_feedback_buttons_is_recorded_with_the_question_answer_and_sources() throws Exception {
        TestAdapter adapter = adapter("personal", "a:personal-5");
        DocentTeamsBot bot = bot(adapter);
        String[] messageId = new String[1];

        new TestFlow(adapter, bot::onTurn)
                .send("How do I get VPN access?")
                .assertReply(typing())
                .assertReply(reply -> {
                    assertThat(reply.getChannelData())
                            .isEqualTo(JsonNodeFactory.instance.objectNode().put("feedbackLoopEnabled", true));
                    messageId[0] = reply.getId();
                })
                .startTest()
                .join();
        new TestFlow(adapter, bot::onTurn)
                .send(feedbackClick(messageId[0], "dislike"))
                .assertReply(reply -> {
                    assertThat(reply.getType()).isEqualTo(ActivityTypes.INVOKE_RESPONSE);
                    assertThat(((InvokeResponse) reply.getValue()).getStatus()).isEqualTo(200);
                })
                .send(feedbackClick("a-message-docent-never-sent", "like"))
                .assertReply(reply -> assertThat(((InvokeResponse) reply.getValue()).getStatus())
                        .isEqualTo(200))
                .startTest()
                .join();

        List<String> lines = Files.readAllLines(dir.resolve("feedback.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .contains("\"platform\":\"teams\"")
                .contains("\"user\":\"29:user-1\"")
                .contains("\"question\":\"How do I get VPN access?\"")
                .contains("\"sources\":[\"https://wiki.example.com/it/vpn (new)\",\"/exports/hr/contractors.html\"]")
                .contains("\"vote\":\"down\"")
                .contains("\"comment\":\"too vague\""); // typed in Teams' feedback form
        // a vote on a message Docent does not remember is kept, without a question or an answer
        assertThat(lines.get(1)).contains("\"vote\":\"up\"").contains("\"question\":\"\"");
        assertThat(answerer.questions()).hasSize(1);
    }

    @Test
    void a_click_on_an_earlier_answer_cards_button_is_still_recorded_and_thanked() throws Exception {
        TestAdapter adapter = adapter("personal", "a:personal-6");
        Activity vote = Activity.createMessageActivity();
        vote.setValue(Map.of("docent", "feedback", "vote", "up", "answerId", "r-0a1b2c3d"));

        new TestFlow(adapter, bot(adapter)::onTurn)
                .send(vote)
                .assertReply(reply -> assertThat(reply.getText()).isEqualTo(UserTexts.THANKS))
                .startTest()
                .join();

        assertThat(Files.readAllLines(dir.resolve("feedback.jsonl")))
                .singleElement()
                .asString()
                .contains("\"vote\":\"up\"");
    }

    /** What Teams sends when someone clicks its feedback button on the message {@code messageId} and submits. */
    private static Activity feedbackClick(String messageId, String reaction) {
        Activity click = new Activity(ActivityTypes.INVOKE);
        click.setName("message/submitAction");
        click.setReplyToId(messageId);
        click.setValue(Map.of(
                "actionName",
                "feedback",
                "actionValue",
                Map.of("reaction", reaction, "feedback", "{\"feedbackText\":\"too vague\"}")));
        return click;
    }
}
