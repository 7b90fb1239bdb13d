package io.docent.core.lucene;

import io.docent.core.DocentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.util.IOUtils;

/**
 * Opens (or creates) the index directory and checks, before anything is written, that it can be used: not locked
 * by another process, readable, and built with the configured embedding model. Every way this can fail becomes an
 * {@link DocentException.IndexUnavailable} saying what to do (see {@link IndexFailures}); nothing is deleted unless
 * a rebuild was asked for.
 */
final class IndexOpener {

    private IndexOpener() {}

    /** The parts of an open index; the caller owns them. {@code writer} is null when opened for reading only. */
    record Opened(Directory directory, IndexWriter writer, SearcherManager searchers) {}

    /**
     * Opens an existing index for reading only: no write lock is taken, so another process (a {@code docent index}
     * run) may write meanwhile, and a reader refreshed later sees its commits. Deleted files stay readable while a
     * reader holds them (POSIX unlink semantics; Lucene retries when a commit changes under it while opening).
     */
    static Opened openReader(IndexOptions options, SearcherFactory searcherFactory) {
        Path path = options.path();
        Directory directory = null;
        SearcherManager searchers = null;
        try {
            if (!Files.isDirectory(path)) {
                throw IndexFailures.missing(path);
            }
            directory = FSDirectory.open(path);
            if (!DirectoryReader.indexExists(directory)) {
                refuseCommitlessIndex(directory, path);
                throw IndexFailures.missing(path);
            }
            searchers = new SearcherManager(directory, searcherFactory);
            IndexSearcher searcher = searchers.acquire();
            try {
                var reader = (DirectoryReader) searcher.getIndexReader();
                checkIdentity(
                        LuceneIndexIdentity.fromCommitData(
                                reader.getIndexCommit().getUserData().entrySet()),
                        options);
            } finally {
                searchers.release(searcher);
            }
            return new Opened(directory, null, searchers);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(searchers, directory);
            throw IndexFailures.onOpen(path, e);
        }
    }

    static Opened open(IndexOptions options, Analyzer analyzer, SearcherFactory searcherFactory) {
        Path path = options.path();
        Directory directory = null;
        IndexWriter writer = null;
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
            if (options.recreate()) {
                deleteIndexFiles(directory);
            }
            refuseCommitlessIndex(directory, path);
            boolean existed = DirectoryReader.indexExists(directory);
            writer = new IndexWriter(directory, config(options, analyzer));
            if (existed) {
                checkIdentity(LuceneIndexIdentity.fromCommitData(writer.getLiveCommitData()), options);
            } else {
                writer.setLiveCommitData(options.identity().toCommitData().entrySet());
                writer.commit();
            }
            SearcherManager searchers = new SearcherManager(writer, true, false, searcherFactory);
            return new Opened(directory, writer, searchers);
        } catch (IOException | RuntimeException e) {
            rollbackQuietly(writer);
            IOUtils.closeWhileHandlingException(directory);
            throw IndexFailures.onOpen(path, e);
        }
    }

    private static IndexWriterConfig config(IndexOptions options, Analyzer analyzer) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(VectorCodec.create(options))
                .setSimilarity(KeywordQuery.similarity())
                .setRAMBufferSizeMB(options.ramBufferMb())
                .setCommitOnClose(true);
    }

    private static void checkIdentity(LuceneIndexIdentity found, IndexOptions options) {
        LuceneIndexIdentity wanted = options.identity();
        if (found == null) {
            throw IndexFailures.notDocent(options.path());
        }
        if (!found.schema().equals(wanted.schema())) {
            throw IndexFailures.otherSchema(options.path(), found.schema(), wanted.schema());
        }
        if (!found.embeddingModel().equals(wanted.embeddingModel()) || found.dimension() != wanted.dimension()) {
            throw IndexFailures.otherModel(options.path(), found, wanted);
        }
    }

    /**
     * Index files without any {@code segments_N}: the commit point is lost. Opening a writer here would start an
     * empty index and delete the orphaned files, so refuse and let a person decide.
     */
    private static void refuseCommitlessIndex(Directory directory, Path path) throws IOException {
        String[] files = directory.listAll();
        if (SegmentInfos.getLastCommitGeneration(files) >= 0) {
            return;
        }
        for (String file : files) {
            if (IndexFileNames.CODEC_FILE_PATTERN.matcher(file).matches()) {
                throw IndexFailures.corrupt(path, "index files are present but no segments_N file (commit point)");
            }
        }
    }

    /** Deletes Lucene's files only, under the write lock, so a directory shared with other files survives. */
    private static void deleteIndexFiles(Directory directory) throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : directory.listAll()) {
                if (isIndexFile(file)) {
                    directory.deleteFile(file);
                }
            }
            lock.ensureValid();
        }
    }

    private static boolean isIndexFile(String file) {
        return file.startsWith(IndexFileNames.SEGMENTS)
                || file.startsWith(IndexFileNames.PENDING_SEGMENTS)
                || IndexFileNames.CODEC_FILE_PATTERN.matcher(file).matches();
    }

    private static void rollbackQuietly(IndexWriter writer) {
        if (writer != null) {
            try {
                writer.rollback();
            } catch (IOException | RuntimeException suppressed) {
                // the original failure is what the user needs to see
            }
        }
    }
}
