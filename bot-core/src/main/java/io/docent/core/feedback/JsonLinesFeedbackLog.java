package io.docent.core.feedback;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.core.DocentException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends {@link FeedbackRecord}s to a file, one JSON object a line (JSON Lines), safely from many threads.
 *
 * <p>Each record is serialised to one complete line first and then written with a single {@code write} under a lock,
 * so lines never interleave, and flushed at once, so a crash loses at most the vote in flight. The file is opened in
 * append mode: records from earlier runs are kept. Several processes writing the same file are not coordinated;
 * give each replica its own file. A service opens one log and shares it ({@link FeedbackSink}).
 *
 * <p>Fields: {@code timestamp} (ISO-8601), {@code platform}, {@code vote} ({@code up} or {@code down}), {@code user},
 * {@code channel}, {@code thread}, {@code question}, {@code answer}, {@code sources} (an array of strings), {@code comment} (what the voter typed with the vote, {@code ""} when
 * nothing; records written before it existed lack the field).
 */
public final class JsonLinesFeedbackLog implements FeedbackSink, AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;
    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();

    private JsonLinesFeedbackLog(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** Opens {@code file} for appending, creating it and its parent directories if needed. */
    public static JsonLinesFeedbackLog open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream out = Files.newOutputStream(
                    file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new JsonLinesFeedbackLog(file, out);
        } catch (IOException e) {
            throw new DocentException("cannot open the feedback log " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one record as one line. Throws {@link DocentException} when the file cannot be written. */
    @Override
    public void record(FeedbackRecord record) {
        byte[] line = toLine(record);
        lock.lock();
        try {
            out.write(line);
            out.flush();
        } catch (IOException e) {
            throw new DocentException("cannot write to the feedback log " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static byte[] toLine(FeedbackRecord record) {
        return (toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The record as one JSON object on one line (without the line break): the format of this log, which other
     * feedback stores (a Redis stream) keep too, so that one script reads them all.
     */
    public static String toJson(FeedbackRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", record.timestamp().toString());
        node.put("platform", record.platform());
        node.put("vote", record.vote() == FeedbackRecord.Vote.UP ? "up" : "down");
        node.put("user", record.user());
        node.put("channel", record.channel());
        node.put("thread", record.thread());
        node.put("question", record.question());
        node.put("answer", record.answer());
        var sources = node.putArray("sources");
        record.sources().forEach(sources::add);
        node.put("comment", record.comment());
        try {
            // Jackson escapes line breaks inside strings, so the record is exactly one line.
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("a feedback record could not be serialised", e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            out.close();
        } catch (IOException e) {
            throw new DocentException("cannot close the feedback log " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
