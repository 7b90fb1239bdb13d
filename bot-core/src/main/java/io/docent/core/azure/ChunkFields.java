package io.docent.core.azure;

import io.docent.core.Chunk;
import io.docent.core.DocentException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a chunk in an Azure AI Search document, and the mapping both ways.
 *
 * <p>Document keys may only hold letters, digits, {@code _}, {@code -} and {@code =}, while chunk ids are paths and
 * page titles with {@code #}, {@code /} and spaces. The key is therefore the chunk id in unpadded URL-safe Base64:
 * reversible (no extra field), within the alphabet, and unique for unique ids.
 *
 * <p>Dates keep milliseconds: the service stores {@code Edm.DateTimeOffset} with millisecond precision.
 */
final class ChunkFields {

    static final String KEY = "id";
    static final String DOCUMENT_ID = "doc_id";
    static final String SOURCE = "source";
    static final String SPACE = "space";
    static final String TITLE = "title";
    static final String URL = "url";
    static final String BREADCRUMB = "breadcrumb";
    static final String CONTENT = "content";
    static final String CONTENT_HASH = "content_hash";
    static final String LAST_MODIFIED = "last_modified";
    static final String ACCESS_GROUPS = "access_groups";
    static final String ORDINAL = "ordinal";
    static final String EMBEDDING = "embedding";

    /** Every field but the embedding: what a search returns when it needs no vectors. */
    static final List<String> STORED = List.of(
            KEY,
            DOCUMENT_ID,
            SOURCE,
            SPACE,
            TITLE,
            URL,
            BREADCRUMB,
            CONTENT,
            CONTENT_HASH,
            LAST_MODIFIED,
            ACCESS_GROUPS,
            ORDINAL);

    static final int MAX_KEY_LENGTH = 1024;

    private static final Base64.Encoder KEY_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder KEY_DECODER = Base64.getUrlDecoder();

    private ChunkFields() {}

    static String key(String chunkId) {
        String key = KEY_ENCODER.encodeToString(chunkId.getBytes(StandardCharsets.UTF_8));
        if (key.length() > MAX_KEY_LENGTH) {
            throw new DocentException.InvalidInput("chunk id is too long for an Azure AI Search key ("
                    + chunkId.length() + " characters): " + chunkId.substring(0, 80) + "...");
        }
        return key;
    }

    static String chunkId(String key) {
        return new String(KEY_DECODER.decode(key), StandardCharsets.UTF_8);
    }

    static Map<String, Object> toDocument(Chunk chunk) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(KEY, key(chunk.id()));
        doc.put(DOCUMENT_ID, chunk.documentId());
        doc.put(SOURCE, chunk.source());
        doc.put(SPACE, chunk.space());
        doc.put(TITLE, chunk.title());
        doc.put(URL, chunk.url());
        doc.put(BREADCRUMB, chunk.breadcrumb());
        doc.put(CONTENT, chunk.text());
        doc.put(CONTENT_HASH, chunk.contentHash());
        doc.put(
                LAST_MODIFIED,
                chunk.lastModified() == null
                        ? null
                        : chunk.lastModified().truncatedTo(ChronoUnit.MILLIS).toString());
        doc.put(ACCESS_GROUPS, List.copyOf(chunk.accessGroups()));
        doc.put(ORDINAL, chunk.ordinal());
        if (chunk.embedding() != null) {
            List<Float> vector = new ArrayList<>(chunk.embedding().length);
            for (float v : chunk.embedding()) {
                vector.add(v);
            }
            doc.put(EMBEDDING, vector);
        }
        return doc;
    }

    /** The chunk a search returned; its embedding is left out (as every {@code SearchIndex} does). */
    static Chunk toChunk(Map<String, Object> doc) {
        return new Chunk(
                chunkId(string(doc, KEY)),
                string(doc, DOCUMENT_ID),
                string(doc, SOURCE),
                string(doc, SPACE),
                string(doc, TITLE),
                string(doc, URL),
                string(doc, BREADCRUMB),
                string(doc, CONTENT),
                doc.get(ORDINAL) instanceof Number n ? n.intValue() : 0,
                string(doc, CONTENT_HASH),
                instant(doc.get(LAST_MODIFIED)),
                groups(doc.get(ACCESS_GROUPS)),
                null);
    }

    /** The embedding of a returned document, or {@code null} if it has none or it was not selected. */
    static float[] embedding(Map<String, Object> doc) {
        if (!(doc.get(EMBEDDING) instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        float[] vector = new float[list.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = ((Number) list.get(i)).floatValue();
        }
        return vector;
    }

    static String string(Map<String, Object> doc, String field) {
        Object value = doc.get(field);
        return value == null ? "" : value.toString();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime odt -> odt.toInstant();
            case String s when s.isBlank() -> null;
            case String s -> OffsetDateTime.parse(s).toInstant();
            default -> OffsetDateTime.parse(value.toString()).toInstant();
        };
    }

    private static Set<String> groups(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        }
        return Set.of();
    }

    /**
     * The size of {@code doc} as JSON, in bytes, within a few percent: what the batcher needs to stay under the
     * service's 16 MB request limit without serialising every document twice.
     */
    static long jsonSize(Map<String, Object> doc) {
        long size = 2;
        for (Map.Entry<String, Object> field : doc.entrySet()) {
            size += field.getKey().length() + 4 + valueSize(field.getValue());
        }
        return size + 24; // "@search.action":"upload"
    }

    private static long valueSize(Object value) {
        return switch (value) {
            case null -> 4;
            case String s -> stringSize(s);
            case Float f -> Float.toString(f).length() + 1;
            case Number n -> n.toString().length();
            case Collection<?> c ->
                2 + c.stream().mapToLong(v -> valueSize(v) + 1).sum();
            default -> stringSize(value.toString());
        };
    }

    private static long stringSize(String s) {
        long size = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                size += 2;
            } else if (c < 0x20) {
                size += 6;
            } else if (c < 0x80) {
                size += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                size += 2; // a surrogate pair is 4 bytes: 2 + 2
            } else {
                size += 3;
            }
        }
        return size;
    }
}
