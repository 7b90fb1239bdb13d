package io.docent.core.lucene;

import io.docent.core.DocentException;
import io.docent.core.DocentException.IndexUnavailable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The messages of an index that cannot be used. Each names the directory and the way out, because the person
 * reading it is an operator looking at a log line, not at a Lucene stack trace.
 */
final class IndexFailures {

    private IndexFailures() {}

    /** Translates whatever opening the index threw. */
    static DocentException onOpen(Path path, Throwable e) {
        return switch (e) {
            case DocentException docent -> docent;
            case LockObtainFailedException locked ->
                new IndexUnavailable(
                        "The search index at " + path + " is in use by another Docent process (it holds "
                                + path.resolve("write.lock") + "). Stop that process, or give this one its own"
                                + " index directory: only one process at a time may open an index.",
                        locked);
            case IndexFormatTooNewException tooNew ->
                new IndexUnavailable(
                        "The search index at " + path + " was written by a newer version of Docent. Upgrade Docent, or "
                                + rebuild(path, "rebuild the index"),
                        tooNew);
            case IndexFormatTooOldException tooOld ->
                new IndexUnavailable(
                        "The search index at " + path + " was written by an older version of Docent that this one"
                                + " cannot read." + rebuildAdvice(path),
                        tooOld);
            case CorruptIndexException corrupt -> corrupt(path, corrupt.getMessage(), corrupt);
            case EOFException truncated -> corrupt(path, "a file is truncated: " + truncated.getMessage(), truncated);
            case AccessDeniedException denied ->
                new IndexUnavailable(
                        "The search index at " + path + " cannot be opened: permission denied on " + denied.getFile()
                                + ". Give the Docent process read and write access to the directory.",
                        denied);
            case NoSuchFileException missing -> corrupt(path, "a file is missing: " + missing.getMessage(), missing);
            case FileNotFoundException missing -> corrupt(path, "a file is missing: " + missing.getMessage(), missing);
            case IOException io ->
                new IndexUnavailable(
                        "The search index at " + path + " cannot be opened: " + io
                                + ". Check that the disk is mounted, writable and not full.",
                        io);
            default -> corrupt(path, e.toString(), e);
        };
    }

    /** Translates an I/O failure of a search or a write on an open index. */
    static DocentException onAccess(Path path, String action, IOException e) {
        if (e instanceof CorruptIndexException || e instanceof EOFException) {
            return corrupt(path, e.getMessage(), e);
        }
        return new DocentException("Could not " + action + " the search index at " + path + ": " + e, e);
    }

    static IndexUnavailable corrupt(Path path, String detail) {
        return corrupt(path, detail, null);
    }

    private static IndexUnavailable corrupt(Path path, String detail, Throwable cause) {
        return new IndexUnavailable(
                "The search index at " + path + " is damaged and cannot be read (" + detail + ")."
                        + rebuildAdvice(path),
                cause);
    }

    static IndexUnavailable otherModel(Path path, LuceneIndexIdentity found, LuceneIndexIdentity wanted) {
        return new IndexUnavailable(
                "The search index at " + path + " was built with " + found.describe() + ", but Docent is configured"
                        + " with " + wanted.describe() + ". Vectors of different models cannot be compared."
                        + rebuildAdvice(path),
                null);
    }

    static IndexUnavailable otherSchema(Path path, String found, String wanted) {
        return new IndexUnavailable(
                "The search index at " + path + " has layout version " + found + ", but this Docent uses version "
                        + wanted + "." + rebuildAdvice(path),
                null);
    }

    /** No index in the directory, when opening one for reading only (which never creates one). */
    static IndexUnavailable missing(Path path) {
        return new IndexUnavailable(
                "There is no search index at " + path + " yet. Build one with `docent index --source NAME PATH`"
                        + " (or ask a first question, which indexes the sample handbook).",
                null);
    }

    /** A write to an index that was opened for reading only: a programming error, not a user's. */
    static IllegalStateException readOnly(Path path) {
        return new IllegalStateException("The search index at " + path + " was opened for reading only");
    }

    static IndexUnavailable notDocent(Path path) {
        return new IndexUnavailable(
                "The directory " + path + " holds a Lucene index that Docent did not create (it records no"
                        + " embedding model)." + rebuildAdvice(path),
                null);
    }

    /** An operation on an index that was closed, or that Lucene closed after a failure it cannot recover from. */
    static IndexUnavailable closed(Path path, AlreadyClosedException e) {
        String why = e.getCause() == null ? "" : " after a failure (" + e.getCause() + ")";
        return new IndexUnavailable(
                "The search index at " + path + " is closed" + why + ". Restart Docent; if this happens again, "
                        + rebuild(path, "rebuild the index"),
                e);
    }

    private static String rebuildAdvice(Path path) {
        return " " + rebuild(path, "Rebuild it");
    }

    private static String rebuild(Path path, String lead) {
        return lead + ": run `docent index --rebuild`, or delete the directory " + path + " and index again.";
    }
}
