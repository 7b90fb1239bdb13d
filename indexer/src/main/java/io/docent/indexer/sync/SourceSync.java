package io.docent.indexer.sync;

import io.docent.core.DocentException;
import io.docent.core.Embedder;
import io.docent.core.SearchIndex;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.chunking.Chunker;
import io.docent.indexer.sync.SyncResult.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one named source in a {@link SearchIndex} with an export of it. The index itself is the record of what
 * is indexed ({@link SearchIndex#listDocuments}), so this works the same on every index.
 *
 * <ol>
 *   <li>New documents are chunked, embedded and written; changed ones (another content hash) the same, replacing
 *       their old chunks atomically; unchanged ones are skipped without embedding.
 *   <li>Documents the export no longer has are deleted, last, and only when that is safe: never when the export was
 *       empty, missing or unreadable, never when part of it could not be listed, never for an entry that failed to
 *       parse (its old chunks stay), and never more than {@link Builder#maxDeleteShare} of the source's documents
 *       unless {@link Builder#allowMassDelete}. A refusal is a {@link Status#REFUSED} result with a message, not an
 *       exception.
 *   <li>Of two entries with the same id, the first is kept and the second reported.
 * </ol>
 *
 * <p>Crash safety: a run killed at any moment leaves every document either as it was or fully replaced, and the next
 * run converges, because it compares hashes afresh and deletes last.
 *
 * <p>Ids: the index keys documents by id across all sources, while a reader's ids are unique only within one source
 * (two folders may both hold {@code README.md}). So in the index a document's id is {@code source + ":" + readerId}
 * ({@link #indexId}) and its chunks are {@code source:readerId#ordinal}. The content hash stored on the chunks also
 * covers the {@link Chunker}'s settings, so changing the chunk size re-chunks everything on the next run.
 *
 * <p>Throws {@link io.docent.core.DocentException} only when the index or the embedder fails; what was written stays,
 * nothing is deleted, and running again continues where it stopped.
 */
public final class SourceSync {

    /** Deleting more than this share of a source's documents needs {@link Builder#allowMassDelete}: 20%. */
    public static final double DEFAULT_MAX_DELETE_SHARE = 0.20;

    /** Chunks per call to {@link Embedder#embedPassages}: 64. */
    public static final int DEFAULT_BATCH_SIZE = 64;
    /**
     * Documents written between commits: about half a minute of embedding on a 2-core machine with the bundled
     * model, and a commit (an fsync of the new segments) costs milliseconds.
     */
    public static final int DEFAULT_COMMIT_EVERY = 500;

    private static final Logger log = LoggerFactory.getLogger(SourceSync.class);

    private final SearchIndex index;
    private final Embedder embedder;
    private final Chunker chunker;
    private final double maxDeleteShare;
    private final boolean allowMassDelete;
    private final int batchSize;
    private final int commitEvery;
    private final Clock clock;

    private SourceSync(Builder b) {
        this.index = b.index;
        this.embedder = b.embedder;
        this.chunker = b.chunker != null ? b.chunker : new Chunker();
        this.maxDeleteShare = b.maxDeleteShare;
        this.allowMassDelete = b.allowMassDelete;
        this.batchSize = b.batchSize;
        this.commitEvery = b.commitEvery;
        this.clock = b.clock;
    }

    public static Builder builder(SearchIndex index, Embedder embedder) {
        return new Builder(index, embedder);
    }

    /** The id a reader's document has in the index: {@code source:readerId}. */
    public static String indexId(String source, String readerId) {
        return source + ":" + readerId;
    }

    /** The reader's id of an indexed document (the inverse of {@link #indexId}). */
    static String readerId(String source, String indexId) {
        String prefix = source + ":";
        return indexId.startsWith(prefix) ? indexId.substring(prefix.length()) : indexId;
    }

    /** Syncs without progress reports. */
    public SyncResult run(String source, DocumentReader reader) {
        return run(source, reader, SyncProgress.NONE);
    }

    /** Reads the export with {@code reader} and brings {@code source} in the index in line with it. */
    public SyncResult run(String source, DocumentReader reader, SyncProgress progress) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        Instant start = clock.instant();
        SyncRun run =
                new SyncRun(source, index, embedder, chunker, batchSize, commitEvery, Objects.requireNonNull(progress));
        String readError = read(reader, source, run);
        run.flush();
        Deletions deletions = deletions(run, reader, source, readError);
        deletions.ids.forEach(id -> index.deleteDocument(run.indexed.get(id).documentId()));
        Status status =
                deletions.refused ? Status.REFUSED : run.failed.isEmpty() ? Status.DONE : Status.DONE_WITH_FAILURES;
        SyncResult result = new SyncResult(
                source,
                status,
                deletions.message,
                run.added,
                run.updated,
                run.unchanged,
                deletions.ids.size(),
                run.failed,
                run.warnings,
                run.chunksWritten,
                Duration.between(start, clock.instant()));
        log.info("{}", result.summary());
        return result;
    }

    /** Runs the reader into {@code run}; the reader's own failure comes back as a message, the sink's is rethrown. */
    private static String read(DocumentReader reader, String source, SyncRun run) {
        try {
            reader.read(source, run);
            return null;
        } catch (RuntimeException e) {
            if (e == run.sinkFailure) {
                throw e; // the index or the embedder failed: not the export's fault, and not a reason to go on
            }
            if (e instanceof DocentException) {
                log.warn("reading {} failed: {}", reader.location(), e.getMessage());
            } else {
                log.error("reading {} failed", reader.location(), e); // a reader bug: keep the stack trace
            }
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    /** Which reader ids to delete, or why none. */
    private record Deletions(List<String> ids, boolean refused, String message) {
        static Deletions refuse(String message) {
            return new Deletions(List.of(), true, message);
        }
    }

    private Deletions deletions(SyncRun run, DocumentReader reader, String source, String readError) {
        List<String> gone = run.indexed.keySet().stream()
                .filter(id -> !run.seen.contains(id) && !run.kept.contains(id))
                .sorted()
                .toList();
        if (readError != null) {
            return Deletions.refuse(
                    "Could not read " + reader.location() + ": " + readError + ". Nothing was deleted.");
        }
        if (run.seen.isEmpty()) {
            return Deletions.refuse("No documents were read from " + reader.location() + ", so nothing was"
                    + " deleted: an empty export is taken as a mistake (a wrong path, an unmounted share), not as"
                    + " 'delete everything'.");
        }
        if (run.exportIncomplete && !gone.isEmpty()) {
            return new Deletions(
                    List.of(),
                    false,
                    gone.size() + " document(s) missing from the export were not deleted, because part of the"
                            + " export could not be read (see the failures).");
        }
        if (!allowMassDelete && gone.size() > maxDeleteShare * run.indexed.size()) {
            return Deletions.refuse(String.format(
                    Locale.ROOT,
                    "Refused to delete %d of the %d indexed documents of '%s' (%.0f%%, more than the %.0f%% allowed)."
                            + " Nothing was deleted. If the export really lost them, run again allowing mass"
                            + " deletion (--allow-mass-delete).",
                    gone.size(),
                    run.indexed.size(),
                    source,
                    100.0 * gone.size() / run.indexed.size(),
                    100.0 * maxDeleteShare));
        }
        return new Deletions(gone, false, "");
    }

    /** Settings of a {@link SourceSync}; the index and embedder are required, the rest have defaults. */
    public static final class Builder {
        private final SearchIndex index;
        private final Embedder embedder;
        private Chunker chunker;
        private double maxDeleteShare = DEFAULT_MAX_DELETE_SHARE;
        private boolean allowMassDelete;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int commitEvery = DEFAULT_COMMIT_EVERY;
        private Clock clock = Clock.systemUTC();

        private Builder(SearchIndex index, Embedder embedder) {
            this.index = Objects.requireNonNull(index, "index");
            this.embedder = Objects.requireNonNull(embedder, "embedder");
        }

        /** How documents are cut; default {@code new Chunker()} (the default sizes). */
        public Builder chunker(Chunker chunker) {
            this.chunker = Objects.requireNonNull(chunker, "chunker");
            return this;
        }

        /** The largest share (0 to 1) of the source's documents one run may delete; default 0.20. */
        public Builder maxDeleteShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("maxDeleteShare must be between 0 and 1, was " + share);
            }
            this.maxDeleteShare = share;
            return this;
        }

        /** Lifts the {@link #maxDeleteShare} limit ({@code --allow-mass-delete}); empty exports still delete nothing. */
        public Builder allowMassDelete(boolean allow) {
            this.allowMassDelete = allow;
            return this;
        }

        /** Chunks per embedding call; default 64. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** The clock that times runs; tests pass a fake one. */
        /**
         * Makes the index durable ({@link SearchIndex#commit()}) after every {@code documents} written, so that a
         * long run killed midway keeps what it wrote, and a service reading the index sees it before the run ends.
         */
        public Builder commitEvery(int documents) {
            if (documents < 1) {
                throw new IllegalArgumentException("commitEvery must be >= 1, was " + documents);
            }
            this.commitEvery = documents;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SourceSync build() {
            return new SourceSync(this);
        }
    }
}
