package io.docent.teams.card;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import io.docent.core.Answer;
import io.docent.core.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the message for an answer: {@code text} is the answer with its {@code [n]} markers (Markdown, which Teams
 * renders), and one Adaptive Card attachment lists the sources in the same numbering and carries the feedback
 * buttons. When the asker could have been told more in private ({@link Answer#moreInPrivate()}, only ever in a
 * channel or group chat), the text ends with {@link #MORE_IN_PRIVATE}, which names no document.
 *
 * <p>The card is an {@link ObjectNode} and the attachment list an {@link ArrayList}: the connector serialises
 * activities with Jackson, and on Java 17+ reflective access into the JDK's immutable collections
 * ({@code List.of}, {@code Map.of}) fails in some of the SDK's code paths (cloning activities, for one).
 *
 * <p>Feedback buttons are {@code Action.Execute} (Teams sends an {@code adaptiveCard/action} invoke, and the thanks
 * shows to the voter only), each with an {@code Action.Submit} fallback for clients without Universal Actions
 * (Teams then sends a message whose {@code value} is the same data).
 */
public final class AnswerCard {

    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    public static final String FEEDBACK_VERB = "docent.feedback";
    static final int MAX_SOURCES = 10;
    static final int MAX_SNIPPET_CHARS = 300;
    static final int MAX_TEXT_CHARS = 20_000;

    /** What a shared conversation's answer adds when the asker may read more than everyone there. */
    public static final String MORE_IN_PRIVATE =
            Answer.MORE_IN_PRIVATE_TEXT + " Ask me in a 1:1 chat for an answer from everything you can read.";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnswerCard() {}

    /** The message for an answered or not-found question; {@code answerId} identifies it in feedback. */
    public static Activity message(Answer answer, String answerId) {
        Activity message = Activity.createMessageActivity();
        String text = truncate(answer.text(), MAX_TEXT_CHARS);
        message.setText(answer.moreInPrivate() ? text + "\n\n" + MORE_IN_PRIVATE : text);
        message.setTextFormat(TextFormatTypes.MARKDOWN);
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card(answer.citations(), answer.status() == Answer.Status.NOT_FOUND, answerId));
        List<Attachment> attachments = new ArrayList<>();
        attachments.add(attachment);
        message.setAttachments(attachments);
        return message;
    }

    /** The card alone: the sources (or closest sources) and the feedback buttons. */
    public static ObjectNode card(List<Citation> citations, boolean closestOnly, String answerId) {
        ObjectNode card = NODES.objectNode()
                .put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("version", "1.4");
        ArrayNode body = card.putArray("body");
        if (!citations.isEmpty()) {
            body.addObject()
                    .put("type", "TextBlock")
                    .put("text", closestOnly ? "Closest sources" : "Sources")
                    .put("weight", "Bolder")
                    .put("wrap", true);
        }
        citations.stream().limit(MAX_SOURCES).forEach(citation -> body.add(source(citation)));
        ArrayNode actions = card.putArray("actions");
        actions.add(feedbackAction("👍 Helpful", "up", answerId));
        actions.add(feedbackAction("👎 Not helpful", "down", answerId));
        card.putObject("msteams").put("width", "Full");
        return card;
    }

    private static ObjectNode source(Citation citation) {
        ObjectNode container = NODES.objectNode().put("type", "Container").put("separator", true);
        ArrayNode items = container.putArray("items");
        String title = markdownSafe(citation.label());
        String url = citation.url();
        boolean web = isWebLink(url);
        items.addObject()
                .put("type", "TextBlock")
                .put("text", "[" + citation.number() + "] " + (web ? "[" + title + "](" + linkSafe(url) + ")" : title))
                .put("wrap", true);
        if (!web && !url.isBlank()) {
            items.addObject()
                    .put("type", "TextBlock")
                    .put("text", markdownSafe(url))
                    .put("wrap", true)
                    .put("isSubtle", true)
                    .put("size", "Small");
        }
        if (!citation.snippet().isBlank()) {
            items.addObject()
                    .put("type", "TextBlock")
                    .put("text", markdownSafe(truncate(citation.snippet(), MAX_SNIPPET_CHARS)))
                    .put("wrap", true)
                    .put("isSubtle", true)
                    .put("size", "Small")
                    .put("maxLines", 3);
        }
        if (web) {
            container.putObject("selectAction").put("type", "Action.OpenUrl").put("url", url);
        }
        return container;
    }

    private static ObjectNode feedbackAction(String title, String vote, String answerId) {
        ObjectNode data =
                NODES.objectNode().put("docent", "feedback").put("vote", vote).put("answerId", answerId);
        ObjectNode action = NODES.objectNode()
                .put("type", "Action.Execute")
                .put("title", title)
                .put("verb", FEEDBACK_VERB);
        action.set("data", data);
        ObjectNode fallback =
                action.putObject("fallback").put("type", "Action.Submit").put("title", title);
        fallback.set("data", data.deepCopy());
        return action;
    }

    static boolean isWebLink(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** Square brackets would end a link text early; they become parentheses. */
    private static String markdownSafe(String text) {
        return text.replace('[', '(').replace(']', ')').replace("\r", "").replace('\n', ' ');
    }

    /** Spaces and parentheses would end a Markdown link target early. */
    private static String linkSafe(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
    }
}
