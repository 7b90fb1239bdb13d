package io.docent.app.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docent.app.config.RedisConfig;
import io.lettuce.core.RedisURI;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for tests, on a free port of 127.0.0.1, with nothing saved to disk ({@code --save ''
 * --appendonly no}). {@link #start()} skips the calling test (an assumption, which says why) when the binary is not
 * installed: {@code apt-get install redis-server}, which {@code .ci/run} does. {@link #stop()} and {@link #restart()}
 * play an outage on the same port.
 */
public final class LocalRedis implements AutoCloseable {

    private static final String BINARY = "redis-server";

    private final int port;
    private Process process;

    private LocalRedis(int port) {
        this.port = port;
    }

    /** A running server on a free port; skips the test when {@code redis-server} is not installed. */
    public static LocalRedis start() throws IOException {
        assumeTrue(installed(), "redis-server is not installed (apt-get install redis-server; .ci/run installs it)");
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var redis = new LocalRedis(socket.getLocalPort());
            socket.close();
            redis.restart();
            return redis;
        }
    }

    private static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, BINARY))) {
                return true;
            }
        }
        return false;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Docent's settings for this server, with a command timeout of {@code timeout}. */
    public RedisConfig config(Duration timeout) {
        return new RedisConfig(RedisURI.create(url()), timeout);
    }

    public RedisConfig config() {
        return config(Duration.ofSeconds(2));
    }

    /** Starts the server (again, after {@link #stop()}) and waits until it answers {@code PING}. */
    public synchronized void restart() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(
                        BINARY,
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--loglevel",
                        "warning")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!pings()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("redis-server did not start on port " + port);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private boolean pings() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open and nothing answers, as in a network partition. */
    public synchronized void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a {@link #pause() paused} server go on (SIGCONT). */
    public synchronized void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (exit != 0) {
            throw new IOException("kill " + signal + " failed with " + exit);
        }
    }

    /** Stops the server (an outage) and waits until it is gone. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            try {
                resume(); // a paused server would not see SIGTERM
            } catch (IOException e) {
                // gone already
            }
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
