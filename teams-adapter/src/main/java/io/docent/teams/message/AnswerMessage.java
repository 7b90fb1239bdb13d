package io.docent.teams.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.TextFormatTypes;
import io.docent.core.Answer;
import io.docent.core.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the Teams message for an answer with Teams' own AI message features, as Microsoft documents them for bot
 * messages with AI-generated content:
 *
 * <ul>
 *   <li>{@code text}: the answer (Markdown) with its {@code [n]} markers, which Teams turns into citation buttons;
 *   <li>one entity {@code https://schema.org/Message} with {@code additionalType ["AIGeneratedContent"]} (the "AI
 *       generated" label) and a {@code citation} list of {@code Claim}s, one per source, numbered as the markers,
 *       whose {@code appearance} is the document (title, link, snippet shown on hover);
 *   <li>{@code channelData.feedbackLoopEnabled: true}: Teams' own 👍 / 👎 buttons, whose clicks come back as a
 *       {@code message/submitAction} invoke naming this message's id.
 * </ul>
 *
 * <p>A not-found answer lists its closest sources in the text, each with its marker, since its text cites none. When
 * the asker could have been told more in private ({@link Answer#moreInPrivate()}, only ever in a channel or group
 * chat), the text ends with {@link #MORE_IN_PRIVATE}, which names no document.
 *
 * <p>Entities and channel data are Jackson trees in {@link ArrayList}s: the connector serialises activities with
 * Jackson, and on Java 17+ reflective access into the JDK's immutable collections ({@code List.of}) fails in some of
 * the SDK's code paths (cloning activities, for one).
 */
public final class AnswerMessage {

    /** Teams' limits for a citation's appearance: the name, the abstract (snippet). */
    static final int MAX_NAME_CHARS = 80;

    static final int MAX_ABSTRACT_CHARS = 160;
    static final int MAX_SOURCES = 10;
    /** The longest answer text sent; a longer one is cut (Teams refuses messages of about 28 KB and more). */
    public static final int MAX_TEXT_CHARS = 20_000;

    /** What a shared conversation's answer adds when the asker may read more than everyone there. */
    public static final String MORE_IN_PRIVATE =
            Answer.MORE_IN_PRIVATE_TEXT + " Ask me in a 1:1 chat for an answer from everything you can read.";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnswerMessage() {}

    /** The message for an answered or not-found question. */
    public static Activity of(Answer answer) {
        Activity message = Activity.createMessageActivity();
        message.setText(text(answer));
        message.setTextFormat(TextFormatTypes.MARKDOWN);
        List<Entity> entities = new ArrayList<>();
        entities.add(aiEntity(answer.citations()));
        message.setEntities(entities);
        message.setChannelData(NODES.objectNode().put("feedbackLoopEnabled", true));
        return message;
    }

    /** The text as shown: the answer, the closest sources of a not-found answer, the offer of a private answer. */
    static String text(Answer answer) {
        StringBuilder text = new StringBuilder(truncate(answer.text(), MAX_TEXT_CHARS));
        if (answer.status() == Answer.Status.NOT_FOUND && !answer.citations().isEmpty()) {
            text.append("\n\n");
            answer.citations().stream().limit(MAX_SOURCES).forEach(c -> text.append("- ")
                    .append(markdownSafe(c.label()))
                    .append(" [")
                    .append(c.number())
                    .append("]\n"));
            text.setLength(text.length() - 1);
        }
        if (answer.moreInPrivate()) {
            text.append("\n\n").append(MORE_IN_PRIVATE);
        }
        return text.toString();
    }

    /** The AI label with the sources as Teams citations. */
    static Entity aiEntity(List<Citation> citations) {
        Entity entity = new Entity();
        entity.setType("https://schema.org/Message");
        entity.setProperties("@type", NODES.textNode("Message"));
        entity.setProperties("@context", NODES.textNode("https://schema.org"));
        entity.setProperties("@id", NODES.textNode(""));
        entity.setProperties("additionalType", NODES.arrayNode().add("AIGeneratedContent"));
        ArrayNode claims = NODES.arrayNode();
        citations.stream().limit(MAX_SOURCES).forEach(c -> claims.add(claim(c)));
        if (!claims.isEmpty()) {
            entity.setProperties("citation", claims);
        }
        return entity;
    }

    private static JsonNode claim(Citation citation) {
        ObjectNode claim = NODES.objectNode().put("@type", "Claim").put("position", citation.number());
        ObjectNode document = claim.putObject("appearance")
                .put("@type", "DigitalDocument")
                .put("name", truncate(oneLine(citation.label()), MAX_NAME_CHARS));
        String url = citation.url();
        if (isWebLink(url)) {
            document.put("url", url);
            document.put("abstract", truncate(oneLine(citation.snippet()), MAX_ABSTRACT_CHARS));
        } else {
            // a file path is no link Teams could open; it goes where people read, before the snippet
            String where = url.isBlank() ? "" : url + ": ";
            document.put("abstract", truncate(oneLine(where + citation.snippet()), MAX_ABSTRACT_CHARS));
        }
        return claim;
    }

    static boolean isWebLink(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** Square brackets would read as a marker or a link; emphasis characters as formatting. */
    private static String markdownSafe(String text) {
        return oneLine(text)
                .replace('[', '(')
                .replace(']', ')')
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("`", "\\`");
    }

    private static String oneLine(String text) {
        return text.replace("\r", "").replace('\n', ' ').strip();
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
    }
}
