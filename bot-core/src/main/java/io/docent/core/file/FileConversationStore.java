package io.docent.core.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.ConversationStore;
import io.docent.core.DocentException;
import io.docent.core.Turn;
import io.docent.core.memory.CaffeineConversationStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A durable {@link ConversationStore}: one JSON-lines file per conversation in a folder, so history survives
 * restarts and is shared by several replicas that mount the same volume (Azure Files, a Kubernetes
 * {@code ReadWriteMany} volume, NFS).
 *
 * <p><b>Why files and not Azure Blob storage through bot-azure:</b> bot-azure 4.14.3 does not resolve with the pins
 * of this build (commons-lang3 upper bounds, azure-documentdb 2.4.3 from 2019, JUnit 4 at compile scope, and an
 * azure-storage-queue version that the Azure BOM names but Maven Central does not serve). A file store needs no
 * dependency and no account; a Blob-backed store can implement the same port later.
 *
 * <p><b>Concurrency:</b> a file name is the SHA-256 of the conversation id (ids contain {@code :} and {@code ;}).
 * Within this process, a striped monitor serialises access to one file (the JDK refuses two locks on one file from
 * one process); across processes, an OS file lock does ({@code FileChannel.lock}, which SMB and NFSv4 honour). An
 * append rewrites the file with only the newest {@code maxTurns} turns once it holds twice that many, so files
 * stay small. A torn line (a crash mid-write) is skipped when read.
 *
 * <p><b>Bounds:</b> turns per conversation as above; a conversation idle for longer than {@code idleExpiry} (by
 * the file's modification time) reads as empty and is deleted by {@link #purgeExpired()}, which also runs after
 * every {@value #PURGE_EVERY_APPENDS} appends.
 */
public final class FileConversationStore implements ConversationStore {

    static final int PURGE_EVERY_APPENDS = 1_000;
    private static final String SUFFIX = ".jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final int maxTurns;
    private final Duration idleExpiry;
    private final Clock clock;
    private final Object[] stripes = new Object[64];
    private final AtomicLong appends = new AtomicLong();

    public FileConversationStore(Path dir, int maxTurns, Duration idleExpiry, Clock clock) {
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be >= 1, was " + maxTurns);
        }
        this.dir = Objects.requireNonNull(dir, "dir");
        this.maxTurns = maxTurns;
        this.idleExpiry = Objects.requireNonNull(idleExpiry, "idleExpiry");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DocentException("cannot create the conversation folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A store in {@code dir} with the same bounds as the in-memory default. */
    public FileConversationStore(Path dir) {
        this(
                dir,
                CaffeineConversationStore.DEFAULT_MAX_TURNS,
                CaffeineConversationStore.DEFAULT_IDLE_EXPIRY,
                Clock.systemUTC());
    }

    @Override
    public List<Turn> history(String conversationId) {
        Path file = fileFor(conversationId);
        synchronized (stripeFor(file)) {
            if (!Files.exists(file) || expired(file)) {
                return List.of();
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    FileLock ignored = channel.lock(0, Long.MAX_VALUE, true)) {
                List<Turn> turns = read(channel);
                return List.copyOf(turns.subList(Math.max(0, turns.size() - maxTurns), turns.size()));
            } catch (java.nio.file.NoSuchFileException e) {
                return List.of();
            } catch (IOException e) {
                throw new DocentException("cannot read conversation history in " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void append(String conversationId, List<Turn> turns) {
        if (turns.isEmpty()) {
            return;
        }
        Path file = fileFor(conversationId);
        synchronized (stripeFor(file)) {
            boolean expired = Files.exists(file) && expired(file);
            try (FileChannel channel = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                List<Turn> existing = expired ? List.of() : read(channel);
                if (expired || existing.size() + turns.size() > 2 * maxTurns) {
                    List<Turn> all = new ArrayList<>(existing);
                    all.addAll(turns);
                    channel.truncate(0);
                    write(channel, 0, all.subList(Math.max(0, all.size() - maxTurns), all.size()));
                } else {
                    write(channel, channel.size(), turns);
                }
                channel.force(false);
                // the clock, not the OS, says when a conversation was last active (tests and skewed hosts agree)
                Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            } catch (IOException e) {
                throw new DocentException("cannot write conversation history in " + dir + ": " + e.getMessage(), e);
            }
        }
        if (appends.incrementAndGet() % PURGE_EVERY_APPENDS == 0) {
            purgeExpired();
        }
    }

    /** Deletes the files of conversations idle for longer than the expiry; returns how many. */
    public int purgeExpired() {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                synchronized (stripeFor(file)) {
                    if (expired(file) && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DocentException("cannot purge conversation history in " + dir + ": " + e.getMessage(), e);
        }
        return deleted;
    }

    private boolean expired(Path file) {
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            return modified.plus(idleExpiry).isBefore(clock.instant());
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Turn> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), Integer.MAX_VALUE - 8));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read until full: the file is small (at most twice maxTurns lines)
        }
        String content = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        List<Turn> turns = new ArrayList<>();
        for (String line : content.split("\n")) {
            Turn turn = parse(line);
            if (turn != null) {
                turns.add(turn);
            }
        }
        return turns;
    }

    private static Turn parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            Turn.Role role = Turn.Role.valueOf(node.path("role").asText().toUpperCase(Locale.ROOT));
            JsonNode text = node.get("text");
            return text == null || !text.isTextual() ? null : new Turn(role, text.asText());
        } catch (IOException | IllegalArgumentException e) {
            return null; // a torn or foreign line: skip it, keep the rest
        }
    }

    private static void write(FileChannel channel, long position, List<Turn> turns) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Turn turn : turns) {
            lines.append(JSON.createObjectNode()
                            .put("role", turn.role().name().toLowerCase(Locale.ROOT))
                            .put("text", turn.text())
                            .toString())
                    .append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    private Path fileFor(String conversationId) {
        Objects.requireNonNull(conversationId, "conversationId");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(conversationId.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private Object stripeFor(Path file) {
        return stripes[Math.floorMod(file.getFileName().hashCode(), stripes.length)];
    }
}
