package io.docent.indexer.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.core.DocentException;
import io.docent.indexer.sync.SyncResult.Problem;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * The JSON report of a sync run ({@code docent index --report FILE}): the counts, the duration, and every failure
 * and warning with its reason, for a human or a monitoring job. Each run replaces the file, atomically, so a reader
 * never sees half a report.
 *
 * <pre>{@code
 * {
 *   "source" : "confluence-eng", "location" : "/exports/eng.zip", "format" : "confluence-xml",
 *   "status" : "DONE_WITH_FAILURES", "exit_code" : 1, "message" : "",
 *   "started_at" : "2026-03-10T03:00:00Z", "finished_at" : "2026-03-10T03:04:12Z",
 *   "added" : 12, "updated" : 3, "unchanged" : 4810, "deleted" : 1,
 *   "chunks_written" : 61, "duration_s" : 252.0, "chunks_per_s" : 0.24,
 *   "failed" : [ { "path" : "attachments/1002/pay.docx", "reason" : "password-protected; skipped" } ],
 *   "warnings" : [ { "path" : "entities.xml", "reason" : "2 control character(s) ... were dropped" } ]
 * }
 * }</pre>
 *
 * <p>The keys are those the first {@code docent index --report} wrote (snake case, the status's enum name), with
 * location, format, times and exit code added.
 */
public final class SyncReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SyncReport() {}

    /** The exit code a command line returns for a run: 0 done, 1 done with failed entries, 3 refused. */
    public static int exitCode(SyncResult result) {
        return switch (result.status()) {
            case DONE -> 0;
            case DONE_WITH_FAILURES -> 1;
            case REFUSED -> 3;
        };
    }

    /** The report as JSON text. */
    public static String toJson(SyncResult result, String location, String format, Instant startedAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", result.source());
        root.put("location", location);
        root.put("format", format);
        root.put("status", result.status().name());
        root.put("exit_code", exitCode(result));
        root.put("message", result.message());
        root.put("started_at", startedAt.toString());
        root.put("finished_at", startedAt.plus(result.duration()).toString());
        root.put("added", result.added());
        root.put("updated", result.updated());
        root.put("unchanged", result.unchanged());
        root.put("deleted", result.deleted());
        root.put("chunks_written", result.chunksWritten());
        root.put("duration_s", result.duration().toMillis() / 1000.0);
        root.put("chunks_per_s", Math.round(result.chunksPerSecond() * 100) / 100.0);
        problems(root.putArray("failed"), result.failed());
        problems(root.putArray("warnings"), result.warnings());
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * Writes the report to {@code file} (its folder is created), replacing the previous one atomically.
     *
     * @throws DocentException when the file cannot be written; the message names it
     */
    public static void write(Path file, SyncResult result, String location, String format, Instant startedAt) {
        Path target = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
            try {
                Files.writeString(temp, toJson(result, location, format, startedAt));
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new DocentException("Cannot write the report " + target + ": " + e.getMessage(), e);
        }
    }

    private static void problems(ArrayNode array, List<Problem> problems) {
        for (Problem p : problems) {
            array.addObject().put("path", p.path()).put("reason", p.reason());
        }
    }
}
