package io.docent.indexer.chunking;

/**
 * Chunk sizes, in {@link TokenCounter} tokens ({@code cl100k_base} by default). Every size counts the whole text
 * that is embedded, {@link io.docent.core.Chunk#textForEmbedding()}: title and breadcrumb included.
 *
 * @param targetTokens a chunk is closed at the first unit boundary once it holds this much
 * @param maxTokens no chunk is larger, except one holding a single table row that is larger on its own
 * @param minTokens a chunk is not closed at a heading before it holds this much, and a smaller chunk is merged into
 *     its predecessor when both fit: this is how tiny sections join their neighbours
 * @param overlapTokens at most this much of the end of a chunk is repeated at the start of the next, in whole
 *     sentences, list items or rows, when a section continues across the cut
 */
public record ChunkerSettings(int targetTokens, int maxTokens, int minTokens, int overlapTokens) {

    /**
     * 300 {@code cl100k} tokens: about 330 to 390 bge WordPiece tokens, the lower end of the 350 to 500 that suits a
     * passage of one topic.
     */
    public static final int DEFAULT_TARGET_TOKENS = 300;

    /** 380 {@code cl100k} tokens: at most about 494 WordPiece tokens, under bge's 512 with its two special tokens. */
    public static final int DEFAULT_MAX_TOKENS = 380;

    /** Half the target. */
    public static final int DEFAULT_MIN_TOKENS = 150;

    /** 12% of the target: one or two sentences, enough to carry a sentence's context across a cut. */
    public static final int DEFAULT_OVERLAP_TOKENS = 36;

    /** Bumped whenever the chunking algorithm changes its output, so a sync re-chunks every document. */
    // Still 1 with page and slide markers: they change the chunks only of text that carries markers, which only the new
    // PDF and slide readers write, and those documents' content hash changed with their text; a bump would re-embed
    // every unchanged Markdown and HTML page of every source for nothing.
    static final int ALGORITHM_VERSION = 1;

    public static final ChunkerSettings DEFAULT =
            new ChunkerSettings(DEFAULT_TARGET_TOKENS, DEFAULT_MAX_TOKENS, DEFAULT_MIN_TOKENS, DEFAULT_OVERLAP_TOKENS);

    public ChunkerSettings {
        if (minTokens < 1) {
            throw new IllegalArgumentException("minTokens must be >= 1, was " + minTokens);
        }
        if (targetTokens < minTokens) {
            throw new IllegalArgumentException(
                    "targetTokens must be >= minTokens (" + minTokens + "), was " + targetTokens);
        }
        if (maxTokens < targetTokens) {
            throw new IllegalArgumentException(
                    "maxTokens must be >= targetTokens (" + targetTokens + "), was " + maxTokens);
        }
        if (overlapTokens < 0 || overlapTokens * 2 > targetTokens) {
            throw new IllegalArgumentException(
                    "overlapTokens must be between 0 and half of targetTokens, was " + overlapTokens);
        }
        if (maxTokens < 32) {
            throw new IllegalArgumentException(
                    "maxTokens must be >= 32 to leave room for title and text, was " + maxTokens);
        }
    }

    /**
     * Settings scaled from one number, in the same proportions as the defaults (max = target x 5/4 + 5, min = half,
     * overlap = 12%), for measuring retrieval at other chunk sizes.
     */
    public static ChunkerSettings forTarget(int targetTokens) {
        return new ChunkerSettings(
                targetTokens, targetTokens * 5 / 4 + 5, Math.max(1, targetTokens / 2), targetTokens * 12 / 100);
    }

    /** Identifies these settings and the algorithm, so a change of either re-chunks what is indexed. */
    public String fingerprint() {
        return "chunker-v" + ALGORITHM_VERSION + ":" + targetTokens + "/" + maxTokens + "/" + minTokens + "/"
                + overlapTokens;
    }
}
