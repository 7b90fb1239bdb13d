package io.docent.indexer.sync;

import io.docent.core.DocentException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Objects;

/**
 * Makes a second indexer on the same index refuse to start, with a message that names the first.
 *
 * <p>How: an operating-system lock ({@link FileChannel#tryLock()}) on {@code indexer.lock} in the index folder,
 * held for as long as the indexer runs. The file also records the holder (pid, host, start time, command) for the
 * message the second instance prints. Why an OS lock and not "the file exists": the OS releases it when the process
 * dies, however it dies (kill -9, a power cut of a container), so a crash never leaves a stale lock that needs a
 * human; the stale text left in the file is simply overwritten by the next holder.
 *
 * <p>The file is never deleted: deleting it on release would let a third process lock a new file while a second
 * still holds the old one. Closing releases the lock and blanks the holder line.
 *
 * <p>Scope: processes on one machine, and on shared file systems whose locks are reliable (local disks, NFSv4,
 * Azure Files SMB). For Azure AI Search, where there is no index folder, the app locks a folder it owns.
 */
public final class IndexLock implements AutoCloseable {

    /** The lock file's name in the index folder. */
    public static final String FILE_NAME = "indexer.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private IndexLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the index in {@code indexDir} (created if missing), or refuses.
     *
     * @param command what this process is doing, for the other's message ({@code docent index --source wiki})
     * @throws IndexLockedException when another process (or this one) holds it
     * @throws DocentException when the lock file cannot be created
     */
    public static IndexLock acquire(Path indexDir, String command, Clock clock) {
        Path file = indexDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very JVM holds it already
            }
            if (lock == null) {
                String holder = read(channel);
                channel.close();
                throw new IndexLockedException(message(indexDir, holder), holder);
            }
            write(
                    channel,
                    "pid=" + ProcessHandle.current().pid() + " host=" + host() + " since=" + clock.instant()
                            + " command=" + Objects.requireNonNullElse(command, "docent"));
            return new IndexLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DocentException("Cannot create the lock file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            write(channel, "");
        } catch (IOException e) {
            // the lock is released below all the same
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static String message(Path indexDir, String holder) {
        String who = holder.isBlank() ? "another Docent process" : "another Docent process (" + holder + ")";
        return "The index in " + indexDir + " is in use by " + who + ". Only one indexer may write to an index at a"
                + " time: wait for it to finish or stop it. A lock left by a process that was killed is released"
                + " automatically, so there is nothing to delete.";
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    private static void write(FileChannel channel, String holder) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static String host() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name.strip(); // no DNS lookup, which can take seconds on a misconfigured machine
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
