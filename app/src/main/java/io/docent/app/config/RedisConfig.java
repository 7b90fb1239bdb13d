package io.docent.app.config;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the state that several replicas of {@code docent serve} share is kept: a Redis server, when {@value #URL} is
 * set. Without it each process keeps that state in memory, which is right for one process and nothing else to run.
 *
 * <ul>
 *   <li>{@value #URL}: {@code redis://host:6379} or {@code rediss://host:6380} (TLS), with an optional user,
 *       password and database number ({@code rediss://:PASSWORD@host:6380/0}); a secret, never printed
 *   <li>{@value #PASSWORD}: the password, when it is not in the URL (for a secret store that holds it apart)
 *   <li>{@value #TIMEOUT}: how long one Redis command may take, in milliseconds (default {@value
 *       #DEFAULT_TIMEOUT_MS}): past it the call falls back to this process's memory, so a slow Redis cannot hold up
 *       an answer
 * </ul>
 *
 * @param uri the server, with its credentials (Lettuce's {@link RedisURI#toString} leaves the password out)
 * @param timeout the command timeout
 */
public record RedisConfig(RedisURI uri, Duration timeout) {

    public static final String URL = "DOCENT_REDIS_URL";
    public static final String PASSWORD = "DOCENT_REDIS_PASSWORD";
    public static final String TIMEOUT = "DOCENT_REDIS_TIMEOUT_MS";
    public static final int DEFAULT_TIMEOUT_MS = 250;

    /** The Redis settings, or empty when {@value #URL} is not set; each wrong setting is noted in {@code problems}. */
    public static Optional<RedisConfig> read(Settings settings, Problems problems) {
        int timeoutMs = problems.check(() -> settings.getInt(TIMEOUT, DEFAULT_TIMEOUT_MS, 10, 60_000), 0);
        Optional<String> url = settings.get(URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        RedisURI uri = problems.check(() -> parse(url.get(), settings.get(PASSWORD)), null);
        return uri == null ? Optional.empty() : Optional.of(new RedisConfig(uri, Duration.ofMillis(timeoutMs)));
    }

    /** Where Redis is, for logs and {@code /readyz}: scheme, host and port, never a credential. */
    public String location() {
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public String toString() {
        return "RedisConfig[" + location() + ", timeout " + timeout.toMillis() + " ms]";
    }

    private static RedisURI parse(String url, Optional<String> password) {
        String scheme =
                url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new ConfigException(URL + " must be a redis:// or rediss:// URL like redis://localhost:6379");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            // the message may quote the URL, which may hold the password: say what is wrong without it
            throw new ConfigException(URL + " is not a valid redis:// or rediss:// URL (expected"
                    + " redis[s]://[[user]:password@]host[:port][/database])");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigException(URL + " must name a host, like redis://localhost:6379");
        }
        password.ifPresent(p -> uri.setPassword(p.toCharArray()));
        return uri;
    }
}
