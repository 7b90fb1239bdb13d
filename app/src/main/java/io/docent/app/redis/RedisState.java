package io.docent.app.redis;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.docent.app.config.RedisConfig;
import io.docent.core.DocentException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection of this process to the Redis that the replicas share, and the way every store calls it.
 *
 * <p>Why it is built this way: a question must never wait on Redis for long, nor go unanswered because of it. So
 * every command has a short timeout ({@link RedisConfig#timeout()}), commands are refused at once while the
 * connection is down (rather than queued until they time out), and a failure reaches the store as a {@link
 * DocentException.Retriable} that names where Redis is but no credential; the stores' fallbacks then use this
 * process's memory. Connecting is never done on a question's thread: {@link #open} waits a moment for the first
 * connection, and if Redis cannot be reached then, another attempt starts in the background at most every {@link
 * #RECONNECT_INTERVAL} while commands fail fast. Once connected, Lettuce reconnects by itself. A Redis that stops
 * answering without closing the connection (a network partition) would cost every call its full timeout; so after a
 * timeout, calls fail at once for {@link #AFTER_TIMEOUT} before Redis is tried again. One Lettuce connection is
 * thread-safe and pipelines the commands of every thread, which is what Lettuce recommends.
 */
public final class RedisState implements AutoCloseable {

    static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(2);
    static final Duration AFTER_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(RedisState.class);

    private final RedisConfig config;
    private final ClientResources resources;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private CompletableFuture<StatefulRedisConnection<String, String>> connecting; // guarded by this
    private long nextAttemptNanos; // guarded by this
    private boolean closed; // guarded by this
    private volatile String lastFailure = "";
    private volatile long skipUntilNanos = System.nanoTime();

    private RedisState(RedisConfig config) {
        this.config = config;
        // Reconnect soon after Redis is back (Lettuce's default backs off to 30 s, all that time on local memory);
        // few threads, as one connection needs little.
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), RECONNECT_INTERVAL, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .reauthenticateBehavior(ClientOptions.ReauthenticateBehavior.ON_NEW_CREDENTIALS)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.timeout()))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .keepAlive(true)
                        .build())
                .build());
        this.nextAttemptNanos = System.nanoTime();
    }

    /**
     * Starts connecting to Redis and waits up to the connect timeout for it; unreachable is not an error here. With
     * Entra ID, tokens come from {@code DefaultAzureCredential}.
     */
    public static RedisState open(RedisConfig config) {
        return open(config, config.entraId() ? new DefaultAzureCredentialBuilder().build() : null);
    }

    /** As {@link #open(RedisConfig)}, with Entra ID tokens from {@code credential} (tests bring their own). */
    static RedisState open(RedisConfig config, TokenCredential credential) {
        if (config.entraId()) {
            config.uri()
                    .setCredentialsProvider(
                            new EntraIdCredentials(credential, config.entraObjectId(), Clock.systemUTC()));
        }
        var state = new RedisState(config);
        CompletableFuture<?> first = state.connectInBackground();
        try {
            first.get(CONNECT_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS); // connected() logs it
        } catch (ExecutionException | TimeoutException e) {
            log.warn(
                    "Redis at {} ({}) cannot be reached yet ({}); this replica uses its own memory until it can",
                    config.location(),
                    RedisConfig.URL,
                    reason(e.getCause() != null ? e.getCause() : e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return state;
    }

    /**
     * Runs {@code command} on the shared connection.
     *
     * @throws DocentException.Retriable when Redis cannot be reached, refuses the command or does not answer in time
     */
    public <T> T call(Function<RedisCommands<String, String>, T> command) {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            connectInBackground();
            throw new DocentException.Retriable(
                    "Redis at " + config.location() + " is not connected" + lastFailure, null);
        }
        if (System.nanoTime() - skipUntilNanos < 0) {
            throw new DocentException.Retriable(
                    "Redis at " + config.location() + " timed out less than " + AFTER_TIMEOUT.toSeconds()
                            + " s ago; not tried",
                    null);
        }
        try {
            return command.apply(c.sync());
        } catch (RedisException e) {
            if (timedOut(e)) {
                skipUntilNanos = System.nanoTime() + AFTER_TIMEOUT.toNanos();
            }
            throw new DocentException.Retriable("Redis at " + config.location() + " failed: " + reason(e), e);
        }
    }

    /** What keeps Redis from serving, for {@code /readyz} (a {@code PING}), or empty when it answers. */
    public Optional<String> problem() {
        try {
            String pong = call(RedisCommands::ping);
            return "PONG".equals(pong)
                    ? Optional.empty()
                    : Optional.of("redis: " + config.location() + " answered PING with " + pong);
        } catch (DocentException e) {
            return Optional.of("redis: " + e.getMessage() + " (" + RedisConfig.URL + ")");
        }
    }

    /** Where Redis is, without credentials. */
    public String location() {
        return config.location();
    }

    /** The connection attempt in flight, or a new one unless the last began less than the interval ago. */
    private synchronized CompletableFuture<StatefulRedisConnection<String, String>> connectInBackground() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("closed"));
        }
        if (connecting != null) {
            return connecting;
        }
        long now = System.nanoTime();
        if (connection != null || now - nextAttemptNanos < 0) {
            return CompletableFuture.completedFuture(connection);
        }
        nextAttemptNanos = now + RECONNECT_INTERVAL.toNanos();
        // the returned stage completes once connected() has run, so that open() sees its outcome
        connecting = client.connectAsync(StringCodec.UTF8, config.uri())
                .toCompletableFuture()
                .whenComplete(this::connected);
        return connecting;
    }

    private synchronized void connected(StatefulRedisConnection<String, String> c, Throwable e) {
        connecting = null;
        if (c == null) {
            lastFailure = " (connecting: " + reason(e) + ")";
            log.debug("Connecting to Redis at {} failed: {}", config.location(), reason(e));
            return;
        }
        if (closed) {
            c.closeAsync();
            return;
        }
        c.setTimeout(config.timeout());
        connection = c;
        log.info("Connected to Redis at {}", config.location());
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RedisCommandTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A failure's message, without what might quote a credential (Lettuce's messages name host and port only). */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c;
        synchronized (this) {
            closed = true;
            c = connection;
            connection = null;
        }
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
