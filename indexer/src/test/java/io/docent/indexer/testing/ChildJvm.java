package io.docent.indexer.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a {@code main} class of the test class path in a child JVM, for tests that need a second process (a lock
 * held elsewhere, a process killed with SIGKILL). Its output is collected on a background thread.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collect, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void collect() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the child was killed
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    /** Waits for an output line starting with {@code prefix}; fails if the child ends first. */
    public synchronized String awaitLine(String prefix) throws InterruptedException {
        while (true) {
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (ended) {
                throw new IllegalStateException("the child JVM ended before printing '" + prefix + "': " + lines);
            }
            wait(1_000);
        }
    }

    /** Whether the child has printed a line starting with {@code prefix} so far. */
    public synchronized boolean printed(String prefix) {
        return lines.stream().anyMatch(l -> l.startsWith(prefix));
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL on Unix: no shutdown hook, no finally block runs. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill9();
            throw new IllegalStateException("the child JVM did not end within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
