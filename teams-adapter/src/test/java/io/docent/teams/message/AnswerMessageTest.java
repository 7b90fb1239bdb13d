package io.docent.teams.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Entity;
import io.docent.core.Answer;
import io.docent.core.Citation;
import io.docent.core.UserTexts;
import io.docent.teams.testing.CannedAnswerer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Answer answer(Answer.Status status, List<Citation> citations) {
        return new Answer("Request it in the IT portal [1].", citations, status, "vpn", List.of(), Map.of());
    }

    /** Serialised as the connector sends it: the SDK's own Jackson configuration (fields, not getters). */
    private static JsonNode onTheWire(Activity activity) throws Exception {
        return JSON.readTree(new JacksonAdapter().serialize(activity));
    }

    /**
     * An entity as Teams reads it. The SDK's serialiser (field visibility) also writes {@code Entity}'s own map as
     * {@code "properties"}, a copy of the same keys, on every entity a botbuilder-java bot sends; Teams ignores it.
     */
    private static JsonNode entity(JsonNode entity) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) entity.deepCopy()).without("properties");
    }

    private static JsonNode aiEntity(JsonNode message) {
        assertThat(message.path("entities")).hasSize(1);
        return message.path("entities").get(0);
    }

    @Test
    void the_message_is_the_markdown_text_with_the_ai_label_and_teams_feedback_buttons() throws Exception {
        JsonNode json = onTheWire(AnswerMessage.of(
                answer(Answer.Status.ANSWERED, List.of(CannedAnswerer.VPN, CannedAnswerer.CONTRACTORS))));

        assertThat(json.path("type").asText()).isEqualTo("message");
        assertThat(json.path("text").asText()).isEqualTo("Request it in the IT portal [1].");
        assertThat(json.path("textFormat").asText()).isEqualTo("markdown");
        assertThat(json.has("attachments")).isFalse();
        assertThat(json.path("channelData").path("feedbackLoopEnabled").asBoolean())
                .isTrue();
        JsonNode ai = aiEntity(json);
        assertThat(ai.path("type").asText()).isEqualTo("https://schema.org/Message");
        assertThat(ai.path("@type").asText()).isEqualTo("Message");
        assertThat(ai.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(ai.path("additionalType"))
                .containsExactly(JSON.getNodeFactory().textNode("AIGeneratedContent"));
    }

    @Test
    void each_source_is_a_teams_citation_numbered_as_its_marker_with_title_link_and_snippet() throws Exception {
        JsonNode citations = aiEntity(onTheWire(AnswerMessage.of(
                        answer(Answer.Status.ANSWERED, List.of(CannedAnswerer.VPN, CannedAnswerer.CONTRACTORS)))))
                .path("citation");

        assertThat(citations).hasSize(2);
        JsonNode vpn = citations.get(0);
        assertThat(vpn.path("@type").asText()).isEqualTo("Claim");
        assertThat(vpn.path("position").asInt()).isEqualTo(1);
        JsonNode document = vpn.path("appearance");
        assertThat(document.path("@type").asText()).isEqualTo("DigitalDocument");
        assertThat(document.path("name").asText()).isEqualTo("VPN access [IT]");
        assertThat(document.path("url").asText()).isEqualTo("https://wiki.example.com/it/vpn (new)");
        assertThat(document.path("abstract").asText())
                .isEqualTo("Request VPN access in the IT portal; your manager approves it.");
        // a file path is no link: it is told in the abstract, before the snippet
        JsonNode file = citations.get(1).path("appearance");
        assertThat(citations.get(1).path("position").asInt()).isEqualTo(2);
        assertThat(file.has("url")).isFalse();
        assertThat(file.path("abstract").asText())
                .isEqualTo("/exports/hr/contractors.html: Contractors get VPN via HR.");
    }

    @Test
    void a_not_found_answer_lists_its_closest_sources_with_markers_that_are_citations() throws Exception {
        Answer notFound = new Answer(
                UserTexts.NOT_FOUND + " " + UserTexts.CLOSEST_SOURCES,
                List.of(
                        new Citation(1, "VPN *guide* [old]", "https://wiki.example.com/vpn", "About VPN."),
                        new Citation(2, "Travel", "https://wiki.example.com/travel#page=3", "")),
                Answer.Status.NOT_FOUND,
                "q",
                List.of(),
                Map.of());

        JsonNode json = onTheWire(AnswerMessage.of(notFound));

        assertThat(json.path("text").asText())
                .isEqualTo(UserTexts.NOT_FOUND + " " + UserTexts.CLOSEST_SOURCES + "\n\n"
                        + "- VPN \\*guide\\* (old) [1]\n"
                        + "- Travel (p. 3) [2]");
        assertThat(aiEntity(json).path("citation"))
                .extracting(c -> c.path("position").asInt())
                .containsExactly(1, 2);
        assertThat(aiEntity(json)
                        .path("citation")
                        .get(1)
                        .path("appearance")
                        .path("name")
                        .asText())
                .isEqualTo("Travel (p. 3)");
    }

    @Test
    void an_answer_that_could_say_more_in_private_offers_the_1_1_chat_and_names_no_document() throws Exception {
        Answer more =
                answer(Answer.Status.NOT_FOUND, List.of(CannedAnswerer.VPN)).withMoreInPrivate();

        String text = onTheWire(AnswerMessage.of(more)).path("text").asText();

        assertThat(text).endsWith("\n\n" + AnswerMessage.MORE_IN_PRIVATE).contains("- VPN access (IT) [1]");
        assertThat(AnswerMessage.MORE_IN_PRIVATE)
                .startsWith(Answer.MORE_IN_PRIVATE_TEXT)
                .endsWith("Ask me in a 1:1 chat for an answer from everything you can read.");
        assertThat(onTheWire(AnswerMessage.of(answer(Answer.Status.ANSWERED, List.of())))
                        .path("text")
                        .asText())
                .doesNotContain("1:1");
    }

    @Test
    void an_answer_without_sources_is_still_labelled_ai_generated_with_no_citation_list() throws Exception {
        JsonNode ai = aiEntity(onTheWire(AnswerMessage.of(answer(Answer.Status.ANSWERED, List.of()))));

        assertThat(ai.path("additionalType").get(0).asText()).isEqualTo("AIGeneratedContent");
        assertThat(ai.has("citation")).isFalse();
    }

    @Test
    void long_answers_titles_and_snippets_are_cut_to_teams_limits_and_sources_capped() throws Exception {
        List<Citation> many = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            many.add(new Citation(i, "T".repeat(200), "https://x/" + i, "s".repeat(1_000)));
        }
        Answer longAnswer = new Answer("a".repeat(50_000), many, Answer.Status.ANSWERED, "", List.of(), Map.of());

        JsonNode json = onTheWire(AnswerMessage.of(longAnswer));

        assertThat(json.path("text").asText()).hasSize(AnswerMessage.MAX_TEXT_CHARS);
        JsonNode citations = aiEntity(json).path("citation");
        assertThat(citations).hasSize(AnswerMessage.MAX_SOURCES);
        assertThat(citations.get(0).path("appearance").path("name").asText())
                .hasSize(AnswerMessage.MAX_NAME_CHARS)
                .endsWith("…");
        assertThat(citations.get(0).path("appearance").path("abstract").asText())
                .hasSize(AnswerMessage.MAX_ABSTRACT_CHARS);
    }

    @Test
    void the_message_survives_the_sdks_clone_and_serialisation_on_this_jdk() throws Exception {
        Activity message = AnswerMessage.of(answer(Answer.Status.ANSWERED, List.of(CannedAnswerer.VPN)));

        Activity copy = Activity.clone(message);
        List<Entity> cloned = Entity.cloneList(message.getEntities());

        assertThat(onTheWire(copy).path("entities"))
                .isEqualTo(onTheWire(message).path("entities"));
        assertThat(onTheWire(copy).path("channelData"))
                .isEqualTo(onTheWire(message).path("channelData"));
        assertThat(cloned).hasSize(1);
    }

    @Test
    void stream_activities_carry_streaminfo_as_teams_documents_it() throws Exception {
        JsonNode informative = onTheWire(StreamMessages.informative(StreamMessages.WRITING));
        JsonNode update = onTheWire(StreamMessages.update("stream-1", 3, "Request it"));
        JsonNode last = onTheWire(StreamMessages.closing(
                AnswerMessage.of(answer(Answer.Status.ANSWERED, List.of(CannedAnswerer.VPN))), "stream-1"));

        assertThat(informative.path("type").asText()).isEqualTo("typing");
        assertThat(informative.path("text").asText()).isEqualTo("Writing the answer…");
        assertThat(entity(informative.path("entities").get(0)))
                .isEqualTo(
                        JSON.readTree("{\"type\":\"streaminfo\",\"streamType\":\"informative\",\"streamSequence\":1}"));
        assertThat(update.path("type").asText()).isEqualTo("typing");
        assertThat(entity(update.path("entities").get(0)))
                .isEqualTo(JSON.readTree("{\"type\":\"streaminfo\",\"streamId\":\"stream-1\","
                        + "\"streamType\":\"streaming\",\"streamSequence\":3}"));
        assertThat(last.path("type").asText()).isEqualTo("message");
        assertThat(last.path("entities")).hasSize(2);
        assertThat(last.path("entities").get(0).path("type").asText()).isEqualTo("https://schema.org/Message");
        assertThat(entity(last.path("entities").get(1)))
                .isEqualTo(
                        JSON.readTree("{\"type\":\"streaminfo\",\"streamId\":\"stream-1\",\"streamType\":\"final\"}"));
        assertThat(last.path("channelData").path("feedbackLoopEnabled").asBoolean())
                .isTrue();
    }
}
