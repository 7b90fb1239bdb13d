package io.docent.teams.message;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Entity;
import java.util.ArrayList;
import java.util.List;

/**
 * The activities of a Teams streamed answer, as Microsoft documents streaming for bots in 1:1 chats: each carries a
 * {@code streaminfo} entity. An informative update (a {@code typing} activity with the status text, {@code streamType
 * informative}, {@code streamSequence} 1) opens the stream, and the id the connector returns for it is the stream's
 * id; streaming updates ({@code typing}, the whole text so far, {@code streamType streaming}, a higher sequence
 * number each time) show the answer growing; the final {@code message} ({@code streamType final}, no sequence) ends
 * the stream and is what stays in the chat.
 */
public final class StreamMessages {

    /** The informative update's text: what Docent does until the first words. */
    public static final String WRITING = "Writing the answer…";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamMessages() {}

    /** The informative update that opens a stream (sequence 1, no stream id yet). */
    public static Activity informative(String text) {
        Activity typing = new Activity(ActivityTypes.TYPING);
        typing.setText(text);
        typing.setEntities(entities(streamInfo(null, "informative", 1)));
        return typing;
    }

    /**
     * A streaming update: the whole text so far, with the next sequence number; with no stream id and sequence 1, the
     * update that opens a stream without an informative update.
     */
    public static Activity update(String streamId, int sequence, String textSoFar) {
        Activity typing = new Activity(ActivityTypes.TYPING);
        typing.setText(textSoFar);
        typing.setEntities(entities(streamInfo(streamId, "streaming", sequence)));
        return typing;
    }

    /** {@code message} as the stream's final message: a copy with the {@code final} stream info added. */
    public static Activity closing(Activity message, String streamId) {
        Activity last = Activity.clone(message);
        List<Entity> entities = last.getEntities() == null ? new ArrayList<>() : new ArrayList<>(last.getEntities());
        entities.add(streamInfo(streamId, "final", null));
        last.setEntities(entities);
        return last;
    }

    private static Entity streamInfo(String streamId, String streamType, Integer sequence) {
        Entity info = new Entity();
        info.setType("streaminfo");
        if (streamId != null) {
            info.setProperties("streamId", NODES.textNode(streamId));
        }
        info.setProperties("streamType", NODES.textNode(streamType));
        if (sequence != null) {
            info.setProperties("streamSequence", NODES.numberNode(sequence));
        }
        return info;
    }

    private static List<Entity> entities(Entity entity) {
        List<Entity> entities = new ArrayList<>();
        entities.add(entity);
        return entities;
    }
}
