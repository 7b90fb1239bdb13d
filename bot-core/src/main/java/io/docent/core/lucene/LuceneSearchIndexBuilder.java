package io.docent.core.lucene;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * Settings of a {@link LuceneSearchIndex} beyond its directory and embedding model. Every setting has a default
 * that suits a 384-dimension model and an index of up to a few hundred thousand chunks.
 */
public final class LuceneSearchIndexBuilder {

    public static final int DEFAULT_RRF_K = ReciprocalRankFusion.DEFAULT_K;
    /** How hybrid search merges its two lists unless told otherwise. */
    public static final FusionMethod DEFAULT_FUSION = FusionMethod.CONVEX;
    /**
     * Weight of the vector list in the default fusion ({@link #DEFAULT_FUSION}); the keyword list has weight 1. Each
     * method has its own default ({@link #defaultVectorWeight(FusionMethod)}): a weight means different things to a
     * sum of rank reciprocals and to a sum of normalised scores.
     */
    public static final double DEFAULT_VECTOR_WEIGHT = ConvexFusion.DEFAULT_VECTOR_WEIGHT;
    /** Each hybrid list fetches {@code max(topK * DEFAULT_CANDIDATE_FACTOR, DEFAULT_MIN_CANDIDATES)} candidates. */
    public static final int DEFAULT_MIN_CANDIDATES = 50;

    public static final int DEFAULT_CANDIDATE_FACTOR = 4;
    public static final int DEFAULT_MAX_CONN = Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN;
    public static final int DEFAULT_BEAM_WIDTH = Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH;
    public static final double DEFAULT_RAM_BUFFER_MB = 64;
    /** How often a read-only index looks for another process's newer commit. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(1);

    private final Path path;
    private String embeddingModel = "";
    private int dimension;
    private int rrfK = DEFAULT_RRF_K;
    private FusionMethod fusion = DEFAULT_FUSION;
    private double vectorWeight = Double.NaN;
    private int minCandidates = DEFAULT_MIN_CANDIDATES;
    private int candidateFactor = DEFAULT_CANDIDATE_FACTOR;
    private int maxConn = DEFAULT_MAX_CONN;
    private int beamWidth = DEFAULT_BEAM_WIDTH;
    private boolean quantized;
    private double ramBufferMb = DEFAULT_RAM_BUFFER_MB;
    private boolean recreate;

    LuceneSearchIndexBuilder(Path path) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    }

    /** The model whose vectors the index holds. Without one, the index is text-only. */
    public LuceneSearchIndexBuilder embeddingModel(String name, int dimension) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("embedding model name must not be blank");
        }
        if (dimension < 1 || dimension > VectorCodec.MAX_DIMENSIONS) {
            throw new IllegalArgumentException(
                    "dimension must be between 1 and " + VectorCodec.MAX_DIMENSIONS + ", was " + dimension);
        }
        this.embeddingModel = name;
        this.dimension = dimension;
        return this;
    }

    /** The reciprocal rank fusion constant: larger values flatten the advantage of the first ranks. */
    public LuceneSearchIndexBuilder rrfK(int rrfK) {
        this.rrfK = requireAtLeast(1, rrfK, "rrfK");
        return this;
    }

    /** How hybrid search merges the keyword and the vector list ({@link #DEFAULT_FUSION} unless set). */
    public LuceneSearchIndexBuilder fusion(FusionMethod fusion) {
        this.fusion = Objects.requireNonNull(fusion, "fusion");
        return this;
    }

    /** The vector weight {@code fusion} uses unless {@link #vectorWeight(double)} sets one. */
    public static double defaultVectorWeight(FusionMethod fusion) {
        return switch (fusion) {
            case CONVEX -> ConvexFusion.DEFAULT_VECTOR_WEIGHT;
            case RRF -> ReciprocalRankFusion.DEFAULT_VECTOR_WEIGHT;
        };
    }

    /**
     * How much the vector list counts in hybrid fusion, against 1 for the keyword list (the fusion method's own
     * default unless set).
     */
    public LuceneSearchIndexBuilder vectorWeight(double vectorWeight) {
        if (!(vectorWeight > 0) || vectorWeight > 100) {
            throw new IllegalArgumentException("vectorWeight must be in (0, 100], was " + vectorWeight);
        }
        this.vectorWeight = vectorWeight;
        return this;
    }

    /** How deep each list of a hybrid search looks: {@code max(topK * factor, minimum)} candidates. */
    public LuceneSearchIndexBuilder candidates(int factor, int minimum) {
        this.candidateFactor = requireAtLeast(1, factor, "candidate factor");
        this.minCandidates = requireAtLeast(1, minimum, "minimum candidates");
        return this;
    }

    /** HNSW graph parameters, used when segments are written; larger values raise recall and indexing cost. */
    public LuceneSearchIndexBuilder hnsw(int maxConn, int beamWidth) {
        this.maxConn = requireAtLeast(2, maxConn, "maxConn");
        this.beamWidth = requireAtLeast(2, beamWidth, "beamWidth");
        return this;
    }

    /**
     * Searches the HNSW graph over int7-quantized copies of the vectors (4 times less memory to keep hot; the
     * exact vectors stay on disk for similarity). Applies to segments written from now on.
     */
    public LuceneSearchIndexBuilder quantized(boolean quantized) {
        this.quantized = quantized;
        return this;
    }

    /** Memory for buffering documents before a segment is written. */
    public LuceneSearchIndexBuilder ramBufferMb(double ramBufferMb) {
        if (!(ramBufferMb >= 1)) {
            throw new IllegalArgumentException("ramBufferMb must be >= 1, was " + ramBufferMb);
        }
        this.ramBufferMb = ramBufferMb;
        return this;
    }

    /**
     * Discards the index in the directory and starts an empty one (for {@code docent index --rebuild}). Only
     * Lucene's files are deleted, and only if no other process holds the index.
     */
    public LuceneSearchIndexBuilder recreate() {
        this.recreate = true;
        return this;
    }

    /**
     * Opens an existing index for searching only, without the write lock, so that another process may write to it
     * meanwhile (see the class comment of {@link LuceneSearchIndex}). Its commits become visible here within
     * {@code refreshInterval} (1 s by default). Writes throw {@link IllegalStateException}; commit does nothing.
     *
     * @throws io.docent.core.DocentException.IndexUnavailable if there is no index, or it is damaged or built for
     *     another model
     */
    public LuceneSearchIndex openReadOnly() {
        return openReadOnly(DEFAULT_REFRESH_INTERVAL);
    }

    /** {@link #openReadOnly()} with another interval between looks for newer commits ({@code ZERO}: every read). */
    public LuceneSearchIndex openReadOnly(Duration refreshInterval) {
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("refreshInterval must not be negative, was " + refreshInterval);
        }
        if (recreate) {
            throw new IllegalStateException("an index opened for reading only cannot be recreated");
        }
        return new LuceneSearchIndex(options(), true, refreshInterval, System::nanoTime);
    }

    /**
     * Opens the index.
     *
     * @throws io.docent.core.DocentException.IndexUnavailable if it is locked, damaged or built for another model
     */
    public LuceneSearchIndex open() {
        return new LuceneSearchIndex(options());
    }

    private IndexOptions options() {
        return new IndexOptions(
                path,
                LuceneIndexIdentity.of(embeddingModel, dimension),
                fusion,
                rrfK,
                Double.isNaN(vectorWeight) ? defaultVectorWeight(fusion) : vectorWeight,
                minCandidates,
                candidateFactor,
                maxConn,
                beamWidth,
                quantized,
                ramBufferMb,
                recreate);
    }

    private static int requireAtLeast(int minimum, int value, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be >= " + minimum + ", was " + value);
        }
        return value;
    }
}
