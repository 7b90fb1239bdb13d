package io.docent.core.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.core.Citation;
import io.docent.core.DocentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;

/**
 * The feedback log: one JSON object per line, appended, never rewritten, so that it can be tailed, shipped and
 * loaded into anything. A line looks like
 *
 * <pre>{@code
 * {"timestamp":"2025-01-31T09:15:00Z","platform":"teams","user":"7faf8ab2-...","channel":"19:...",
 *  "question":"How do I get VPN access?","answer":"Request it in the portal [1].",
 *  "sources":[{"number":1,"title":"VPN","url":"https://...","snippet":"..."}],"vote":"up"}
 * }</pre>
 *
 * <p>Thread-safe: each record is written whole, by one {@code write} in append mode, under this object's lock, so
 * lines from concurrent votes never interleave. The file is opened for each record (votes are rare), which also
 * lets an operator move the file away at any time.
 */
public final class JsonLinesFeedbackLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public JsonLinesFeedbackLog(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one record as one line, creating the file (and its folder) when missing.
     *
     * @throws DocentException when the file cannot be written; the message names the file
     */
    public synchronized void append(FeedbackRecord record) {
        byte[] line = (toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DocentException("cannot write the feedback log " + file + ": " + e.getMessage(), e);
        }
    }

    static String toJson(FeedbackRecord record) {
        ObjectNode node = JSON.createObjectNode()
                .put("timestamp", record.timestamp().toString())
                .put("platform", record.platform())
                .put("user", record.user())
                .put("channel", record.channel())
                .put("question", record.question())
                .put("answer", record.answer());
        ArrayNode sources = node.putArray("sources");
        for (Citation citation : record.sources()) {
            sources.addObject()
                    .put("number", citation.number())
                    .put("title", citation.title())
                    .put("url", citation.url())
                    .put("snippet", citation.snippet());
        }
        node.put("vote", record.vote().name().toLowerCase(Locale.ROOT));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
