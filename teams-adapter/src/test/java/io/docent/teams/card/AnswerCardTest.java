package io.docent.teams.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import io.docent.core.Answer;
import io.docent.core.Citation;
import io.docent.teams.testing.CannedAnswerer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerCardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Answer answer(Answer.Status status, List<Citation> citations) {
        return new Answer("Request it in the IT portal [1].", citations, status, "vpn", List.of(), Map.of());
    }

    /** Serialised as the connector sends it: the SDK's own Jackson configuration (fields, not getters). */
    private static JsonNode onTheWire(Activity activity) throws Exception {
        return JSON.readTree(new JacksonAdapter().serialize(activity));
    }

    @Test
    void an_answer_that_could_say_more_in_private_offers_the_1_1_chat_and_names_no_document() throws Exception {
        Answer more =
                answer(Answer.Status.NOT_FOUND, List.of(CannedAnswerer.VPN)).withMoreInPrivate();

        JsonNode json = onTheWire(AnswerCard.message(more, "t-2"));

        assertThat(json.path("text").asText())
                .isEqualTo("Request it in the IT portal [1].\n\n" + AnswerCard.MORE_IN_PRIVATE);
        assertThat(AnswerCard.MORE_IN_PRIVATE)
                .startsWith(Answer.MORE_IN_PRIVATE_TEXT)
                .endsWith("Ask me in a 1:1 chat for an answer from everything you can read.");
        assertThat(onTheWire(AnswerCard.message(answer(Answer.Status.ANSWERED, List.of()), "t-3"))
                        .path("text")
                        .asText())
                .doesNotContain("1:1");
    }

    @Test
    void the_message_carries_the_text_with_markers_and_one_adaptive_card() throws Exception {
        Activity message = AnswerCard.message(
                answer(Answer.Status.ANSWERED, List.of(CannedAnswerer.VPN, CannedAnswerer.CONTRACTORS)), "t-1");

        JsonNode json = onTheWire(message);

        assertThat(json.path("type").asText()).isEqualTo("message");
        assertThat(json.path("text").asText()).isEqualTo("Request it in the IT portal [1].");
        assertThat(json.path("textFormat").asText()).isEqualTo("markdown");
        assertThat(json.path("attachments")).hasSize(1);
        JsonNode attachment = json.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo("Sources");
    }

    @Test
    void each_source_has_its_number_a_link_and_a_snippet() throws Exception {
        JsonNode card = onTheWire(AnswerCard.message(
                        answer(Answer.Status.ANSWERED, List.of(CannedAnswerer.VPN, CannedAnswerer.CONTRACTORS)), "t-1"))
                .path("attachments")
                .get(0)
                .path("content");

        JsonNode vpn = card.path("body").get(1);
        assertThat(vpn.path("type").asText()).isEqualTo("Container");
        // brackets in the title would end the link text; the URL's space and parentheses are escaped
        assertThat(vpn.path("items").get(0).path("text").asText())
                .isEqualTo("[1] [VPN access (IT)](https://wiki.example.com/it/vpn%20%28new%29)");
        assertThat(vpn.path("items").get(1).path("text").asText())
                .isEqualTo("Request VPN access in the IT portal; your manager approves it.");
        assertThat(vpn.path("selectAction").path("url").asText()).isEqualTo("https://wiki.example.com/it/vpn (new)");

        JsonNode file = card.path("body").get(2);
        assertThat(file.path("items").get(0).path("text").asText()).isEqualTo("[2] Contractor onboarding");
        assertThat(file.path("items").get(1).path("text").asText()).isEqualTo("/exports/hr/contractors.html");
        assertThat(file.has("selectAction")).isFalse();
    }

    @Test
    void feedback_buttons_are_universal_actions_with_a_submit_fallback() throws Exception {
        JsonNode actions = onTheWire(
                        AnswerCard.message(answer(Answer.Status.ANSWERED, List.of(CannedAnswerer.VPN)), "t-42"))
                .path("attachments")
                .get(0)
                .path("content")
                .path("actions");

        assertThat(actions).hasSize(2);
        JsonNode up = actions.get(0);
        assertThat(up.path("type").asText()).isEqualTo("Action.Execute");
        assertThat(up.path("verb").asText()).isEqualTo(AnswerCard.FEEDBACK_VERB);
        assertThat(up.path("data"))
                .isEqualTo(JSON.readTree("{\"docent\":\"feedback\",\"vote\":\"up\",\"answerId\":\"t-42\"}"));
        assertThat(up.path("fallback").path("type").asText()).isEqualTo("Action.Submit");
        assertThat(up.path("fallback").path("data")).isEqualTo(up.path("data"));
        assertThat(actions.get(1).path("data").path("vote").asText()).isEqualTo("down");
    }

    @Test
    void a_not_found_answer_lists_the_closest_sources() throws Exception {
        JsonNode card = onTheWire(
                        AnswerCard.message(answer(Answer.Status.NOT_FOUND, List.of(CannedAnswerer.VPN)), "t-1"))
                .path("attachments")
                .get(0)
                .path("content");

        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo("Closest sources");
    }

    @Test
    void long_answers_and_snippets_are_cut_and_sources_capped() throws Exception {
        List<Citation> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            many.add(new Citation(i, "Doc " + i, "https://x/" + i, "s".repeat(1_000)));
        }
        Answer longAnswer = new Answer("a".repeat(50_000), many, Answer.Status.ANSWERED, "", List.of(), Map.of());

        JsonNode json = onTheWire(AnswerCard.message(longAnswer, "t-1"));

        assertThat(json.path("text").asText()).hasSize(AnswerCard.MAX_TEXT_CHARS);
        JsonNode body = json.path("attachments").get(0).path("content").path("body");
        assertThat(body).hasSize(1 + AnswerCard.MAX_SOURCES);
        assertThat(body.get(1).path("items").get(1).path("text").asText()).hasSize(AnswerCard.MAX_SNIPPET_CHARS);
    }

    @Test
    void the_message_survives_the_sdks_clone_and_serialisation_on_this_jdk() throws Exception {
        Activity message = AnswerCard.message(answer(Answer.Status.ANSWERED, List.of(CannedAnswerer.VPN)), "t-1");

        Activity copy = Activity.clone(message);
        List<Attachment> cloned = Attachment.cloneList(message.getAttachments());

        assertThat(onTheWire(copy).path("attachments").get(0).path("content"))
                .isEqualTo(onTheWire(message).path("attachments").get(0).path("content"));
        assertThat(cloned).hasSize(1);
    }
}
