package io.docent.teams.activity;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.microsoft.bot.schema.Activity;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The JSON mapping for inbound activities and for response bodies.
 *
 * <p>Why not the SDK's: {@code Activity.timestamp} is annotated with the pattern {@code yyyy-MM-dd'T'HH:mm:ss.nXXX},
 * which (1) refuses a timestamp without fractional seconds ({@code 2025-01-31T09:15:00Z}, which channels do send)
 * and (2) reads {@code .437} as 437 nanoseconds. A mix-in replaces it with a lenient ISO-8601 reader; anything
 * unreadable becomes {@code null} rather than a rejected request, since Docent never relies on the timestamp.
 */
public final class ActivityJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Activity.class, TimestampMixIn.class);

    private ActivityJson() {}

    /** Reads an activity; throws for a body that is not a JSON object. */
    public static Activity read(byte[] body) throws IOException {
        JsonNode tree = MAPPER.readTree(body);
        if (tree == null || !tree.isObject()) {
            throw new IOException("the body is not a JSON object");
        }
        return MAPPER.treeToValue(tree, Activity.class);
    }

    /** Serialises a response body (an invoke response's value). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Any object (the activity's {@code channelData} or {@code value}) as a JSON tree; missing node for null. */
    public static JsonNode tree(Object value) {
        return value == null ? MAPPER.missingNode() : MAPPER.valueToTree(value);
    }

    /** The shared mapper, for building JSON trees (cards). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @SuppressWarnings("unused") // read by Jackson
    abstract static class TimestampMixIn {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @JsonDeserialize(using = LenientTimestamp.class)
        private OffsetDateTime timestamp;

        @JsonDeserialize(using = LenientTimestamp.class)
        private OffsetDateTime localTimestamp;
    }

    static final class LenientTimestamp extends StdDeserializer<OffsetDateTime> {
        LenientTimestamp() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text.strip());
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text.strip()).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
    }
}
