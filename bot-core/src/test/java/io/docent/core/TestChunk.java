package io.docent.core;

import java.time.Instant;
import java.util.Set;

/**
 * Builds {@link Chunk}s for tests with sensible defaults, so a test states only what it is about. The id is
 * {@code documentId + "#" + ordinal}, as the indexer makes it.
 */
public final class TestChunk {

    public static final Instant LAST_MODIFIED = Instant.parse("2024-05-01T10:15:30.123456789Z");

    private final String documentId;
    private int ordinal;
    private String source = "handbook";
    private String space = "HR";
    private String title = "Untitled";
    private String text = "";
    private String breadcrumb = "";
    private String contentHash;
    private Set<String> accessGroups = Set.of();
    private float[] vector;

    private TestChunk(String documentId) {
        this.documentId = documentId;
        this.contentHash = "hash-" + documentId;
    }

    public static TestChunk chunk(String documentId) {
        return new TestChunk(documentId);
    }

    /** {@code values} scaled to unit length, as an embedder returns them. */
    public static float[] unit(float... values) {
        double norm = 0;
        for (float v : values) {
            norm += v * v;
        }
        float[] unit = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            unit[i] = (float) (values[i] / Math.sqrt(norm));
        }
        return unit;
    }

    public TestChunk ordinal(int ordinal) {
        this.ordinal = ordinal;
        return this;
    }

    public TestChunk source(String source) {
        this.source = source;
        return this;
    }

    public TestChunk space(String space) {
        this.space = space;
        return this;
    }

    public TestChunk title(String title) {
        this.title = title;
        return this;
    }

    public TestChunk text(String text) {
        this.text = text;
        return this;
    }

    public TestChunk breadcrumb(String breadcrumb) {
        this.breadcrumb = breadcrumb;
        return this;
    }

    public TestChunk hash(String contentHash) {
        this.contentHash = contentHash;
        return this;
    }

    public TestChunk groups(String... groups) {
        this.accessGroups = Set.of(groups);
        return this;
    }

    /** The embedding, normalised. */
    public TestChunk vector(float... values) {
        this.vector = unit(values);
        return this;
    }

    public String documentId() {
        return documentId;
    }

    public Chunk build() {
        return new Chunk(
                documentId + "#" + ordinal,
                documentId,
                source,
                space,
                title,
                "https://wiki.example.com/pages/" + documentId,
                breadcrumb,
                text,
                ordinal,
                contentHash,
                LAST_MODIFIED,
                accessGroups,
                vector);
    }
}
